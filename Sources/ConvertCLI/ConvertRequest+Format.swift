import ArgumentParser

extension ConvertRequest {
    /// What `convert` writes on stdout.
    public enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
        case md
        case ascii
        /// One line per glyph: page, position, size, direction and text (for diagnosing layout).
        case glyphs

        // Spelled out: the library's defaults go through string interpolation and dynamic casts on every run, a
        // measurable share of a one-page conversion.
        public static var allValueStrings: [String] { allCases.map(\.rawValue) }
        public static var allValueDescriptions: [String: String] { [:] }
        public var defaultValueDescription: String { rawValue }
    }
}
