#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ArgumentParser
import PDFText

/// The `engine` section of the daemon configuration (`etc/skillspool.json`), which also sets the limits of
/// one-off conversions so the CLI and the daemon refuse the same inputs.
struct EngineConfiguration: Decodable {
    var maxPages: Int?
    var maxStreamBytes: Int?
    var maxDocumentBytes: Int?
    var maxOperatorsPerPage: Int?
    var maxXObjectDepth: Int?

    private struct File: Decodable {
        var engine: EngineConfiguration?
    }

    /// Reads `path`; a missing default file means built-in defaults, a missing explicit file is an error.
    static func load(path: String?) throws -> EngineConfiguration {
        let resolved = path ?? "etc/skillspool.json"
        guard FileManager.default.fileExists(atPath: resolved) else {
            if path != nil { throw ValidationError("configuration file '\(resolved)' does not exist") }
            return EngineConfiguration()
        }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: resolved))
            return try JSONDecoder().decode(File.self, from: data).engine ?? EngineConfiguration()
        } catch {
            throw ValidationError("cannot read configuration '\(resolved)': \(error)")
        }
    }

    /// The limits, with `maxPages` from the command line taking precedence.
    func limits(maxPages override: Int?) -> ConversionLimits {
        let defaults = ConversionLimits.default
        return ConversionLimits(
            maxPages: override ?? maxPages ?? defaults.maxPages,
            maxStreamBytes: maxStreamBytes ?? defaults.maxStreamBytes,
            maxDocumentBytes: maxDocumentBytes ?? defaults.maxDocumentBytes,
            maxOperatorsPerPage: maxOperatorsPerPage ?? defaults.maxOperatorsPerPage,
            maxXObjectDepth: maxXObjectDepth ?? defaults.maxXObjectDepth
        )
    }
}
