import CodedErrors

/// A configuration file that is missing, malformed or holds values out of range.
public struct ConfigurationError: Error, Hashable, Sendable, CodedFailure {
    public static let code = "ERR::CONFIG::INVALID"
    public var message: String
    public var isRetryable: Bool { false }

    public init(_ message: String) { self.message = message }
    public var codeText: String { Self.code }
}
