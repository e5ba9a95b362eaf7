/// Bounds that make the engine refuse an input instead of exhausting the machine.
///
/// Every limit that is exceeded produces a ``PDFError`` with a `ERR::CONVERT::…` code.
public struct ConversionLimits: Hashable, Sendable {
    /// Largest page count accepted (the default 500; callers may raise it up to ``absoluteMaxPages``).
    public var maxPages: Int
    /// Largest decoded size of a single stream, in bytes.
    public var maxStreamBytes: Int
    /// Largest decoded size of all streams of a document together, in bytes.
    public var maxDocumentBytes: Int
    /// Largest number of content-stream operators interpreted on one page (forms included).
    public var maxOperatorsPerPage: Int
    /// Deepest nesting of Form XObjects.
    public var maxXObjectDepth: Int
    /// Largest number of glyphs kept per page; further glyphs are counted, not stored.
    public var maxGlyphsPerPage: Int
    /// Largest number of path segments kept per page.
    public var maxPathSegmentsPerPage: Int
    /// Largest number of glyphs kept over all pages of a document (about 120 bytes each once laid out); more is
    /// refused, not truncated.
    public var maxGlyphsPerDocument: Int
    /// Largest number of content-stream operators interpreted over all pages of a document.
    public var maxOperatorsPerDocument: Int

    /// The hard ceiling for ``maxPages``.
    public static let absoluteMaxPages = 5000

    public init(
        maxPages: Int = 500,
        maxStreamBytes: Int = 256 << 20,
        maxDocumentBytes: Int = 1 << 30,
        maxOperatorsPerPage: Int = 5_000_000,
        maxXObjectDepth: Int = 12,
        maxGlyphsPerPage: Int = 100_000,
        maxPathSegmentsPerPage: Int = 200_000,
        maxGlyphsPerDocument: Int = 5_000_000,
        maxOperatorsPerDocument: Int = 100_000_000
    ) {
        self.maxPages = min(maxPages, Self.absoluteMaxPages)
        self.maxStreamBytes = maxStreamBytes
        self.maxDocumentBytes = maxDocumentBytes
        self.maxOperatorsPerPage = maxOperatorsPerPage
        self.maxXObjectDepth = maxXObjectDepth
        self.maxGlyphsPerPage = maxGlyphsPerPage
        self.maxPathSegmentsPerPage = maxPathSegmentsPerPage
        self.maxGlyphsPerDocument = maxGlyphsPerDocument
        self.maxOperatorsPerDocument = maxOperatorsPerDocument
    }

    public static let `default` = ConversionLimits()
}
