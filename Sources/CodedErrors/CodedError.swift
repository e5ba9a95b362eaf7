/// A module's error code: an `ERR::SCOPE::REASON` string, with the module's codes as static members of its own
/// code type (so two modules may both name a code `documentTooLarge`).
public protocol ErrorCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible where RawValue == String {}

extension ErrorCode {
    public var description: String { rawValue }
}

/// The error every module throws, over that module's code type: `PDFError` is `CodedError<PDFErrorCode>`,
/// `SpoolError` is `CodedError<SpoolErrorCode>`, and so on.
///
/// `cause` keeps what went wrong underneath (an `Errno`, a SQLite error, another module's coded error), so logs show
/// it and `retryable` can be decided from it where the error is made. Two errors are equal when code, message and
/// `retryable` are; the cause is not compared.
public struct CodedError<Kind: ErrorCode>: Error, Sendable, CodedFailure {
    /// The module's code type (`PDFError.Code` is `PDFErrorCode`).
    public typealias Code = Kind

    public var code: Code
    public var message: String
    public var isRetryable: Bool
    public var cause: (any Error & Sendable)?

    public init(_ code: Code, _ message: String, retryable: Bool = false, cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.isRetryable = retryable
        self.cause = cause
    }

    /// Another module's coded error under this module's code type, with the same code text, message and
    /// `retryable`, keeping it as the cause.
    public init<Other: ErrorCode>(_ other: CodedError<Other>) {
        self.init(Code(rawValue: other.code.rawValue)!, other.message, retryable: other.isRetryable, cause: other)
    }

    public var codeText: String { code.rawValue }

    public var underlyingError: (any Error)? { cause }
}

extension CodedError: Hashable {
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message && lhs.isRetryable == rhs.isRetryable
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(message)
        hasher.combine(isRetryable)
    }
}
