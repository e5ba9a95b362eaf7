import CodedErrors

/// Why a Word, HTML, Markdown or text source was refused.
public typealias MarkupError = CodedError<MarkupErrorCode>

/// An `ERR::SCOPE::REASON` code.
public struct MarkupErrorCode: ErrorCode {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Nothing readable: no text at all, or a parser that produced no tree.
    public static let empty = Self(rawValue: "ERR::INPUT::EMPTY_DOCUMENT")
    /// A Word file whose package is not a readable zip, or lacks `word/document.xml`, or whose XML is unreadable.
    public static let damaged = Self(rawValue: "ERR::INPUT::DAMAGED")
    /// Bytes that are none of the supported formats (binary data named `.txt`, an unknown encoding).
    public static let unsupported = Self(rawValue: "ERR::INPUT::UNSUPPORTED_FORMAT")
    /// Beyond the conversion's limits (a Word package's members or unpacked bytes, the number of blocks).
    public static let tooLarge = Self(rawValue: "ERR::CONVERT::DOCUMENT_TOO_LARGE")
}
