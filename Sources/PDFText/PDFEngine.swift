/// Identity of the conversion engine; part of every output so results can be tied to the code that made them.
public enum PDFEngine {
    /// The version of the current engine: output for the same input may change only when this changes.
    public static let version = "pdf@2026-12-08.28"
    /// The document schema the current engine writes.
    public static let schemaVersion = 1
    /// Versions that can be pinned (`--engine`); only the current one is served by this build.
    public static let pinnable = [version]

    /// Checks a pinned version (`pdf@YYYY-MM-DD`, or `pdf@YYYY-MM-DD.N` for the Nth engine of one day).
    ///
    /// - Throws: `ERR::INPUT::BAD_VERSION` naming the available versions when `pinned` is not one of them.
    public static func check(pinned: String) throws {
        guard pinnable.contains(pinned) else {
            throw PDFError(
                .badVersion,
                "engine '\(pinned)' is not available; available: \(pinnable.joined(separator: ", "))"
            )
        }
    }
}
