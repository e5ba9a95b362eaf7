import CodedErrors

/// A refusal or failure of the PDF engine, carrying a namespaced code.
///
/// Codes follow `ERR::SCOPE::REASON`. ``isRetryable`` tells a caller whether trying the same input again could
/// succeed (it never does for a malformed file; it may after a transient I/O error).
public typealias PDFError = CodedError<PDFErrorCode>

/// An opaque, extensible error code such as `ERR::INPUT::NOT_PDF`.
public struct PDFErrorCode: ErrorCode {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The bytes are not a PDF file at all.
    public static let notPDF = Self(rawValue: "ERR::INPUT::NOT_PDF")
    /// The file is encrypted and opening it needs a password that was not given.
    public static let passwordRequired = Self(rawValue: "ERR::INPUT::PASSWORD_REQUIRED")
    /// A password was given but it is neither the user nor the owner password.
    public static let badPassword = Self(rawValue: "ERR::INPUT::BAD_PASSWORD")
    /// The file is a PDF but even qpdf's recovery cannot read it.
    public static let damaged = Self(rawValue: "ERR::INPUT::DAMAGED")
    /// The file has no pages.
    public static let emptyPDF = Self(rawValue: "ERR::INPUT::EMPTY_PDF")
    /// A page selection does not parse or names pages the document does not have.
    public static let badPageRange = Self(rawValue: "ERR::INPUT::BAD_PAGE_RANGE")
    /// A pinned engine version that this build does not have.
    public static let badVersion = Self(rawValue: "ERR::INPUT::BAD_VERSION")
    /// The input file could not be read.
    public static let unreadable = Self(rawValue: "ERR::INPUT::UNREADABLE")
    /// The document has more pages than the configured limit.
    public static let maxPagesExceeded = Self(rawValue: "ERR::CONVERT::MAX_PAGES_EXCEEDED")
    /// A stream decompresses to more bytes than allowed.
    public static let streamTooLarge = Self(rawValue: "ERR::CONVERT::STREAM_TOO_LARGE")
    /// The document's streams together decompress to more bytes than allowed.
    public static let documentTooLarge = Self(rawValue: "ERR::CONVERT::DOCUMENT_TOO_LARGE")
    /// A page holds more content-stream operators than allowed.
    public static let tooManyOperators = Self(rawValue: "ERR::CONVERT::TOO_MANY_OPERATORS")
    /// Form XObjects nest deeper than allowed.
    public static let xobjectTooDeep = Self(rawValue: "ERR::CONVERT::XOBJECT_TOO_DEEP")
    /// The pages of a document draw more glyphs together than the document budget allows.
    public static let glyphBudget = Self(rawValue: "ERR::LIMIT::GLYPHS")
    /// The pages of a document run more content-stream operators together than the document budget allows.
    public static let operatorBudget = Self(rawValue: "ERR::LIMIT::OPERATORS")
    /// A scan with no text anywhere whose page images could not be read (undecodable or not believable images).
    public static let unreadableScan = Self(rawValue: "ERR::OCR::UNREADABLE_SCAN")
    /// A scan with no text anywhere that could not be read because OCR is not installed (retryable once it is).
    public static let ocrUnavailable = Self(rawValue: "ERR::OCR::UNAVAILABLE")
}
