/// A module's error code: an `ERR::SCOPE::REASON` string, with the module's codes as static members of its own
/// code type (so two modules may both name a code `documentTooLarge`).
public protocol ErrorCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible where RawValue == String {}

extension ErrorCode {
    public var description: String { rawValue }
}

/// The error every module throws, over that module's code type: `PDFError` is `CodedError<PDFErrorCode>`,
/// `SpoolError` is `CodedError<SpoolErrorCode>`, and so on.
public struct CodedError<Kind: ErrorCode>: Error, Hashable, Sendable, CodedFailure {
    /// The module's code type (`PDFError.Code` is `PDFErrorCode`).
    public typealias Code = Kind

    public var code: Code
    public var message: String
    public var isRetryable: Bool

    public init(_ code: Code, _ message: String, retryable: Bool = false) {
        self.code = code
        self.message = message
        self.isRetryable = retryable
    }

    public var codeText: String { code.rawValue }
}
