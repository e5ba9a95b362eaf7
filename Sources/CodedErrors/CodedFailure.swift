/// An error every Skillspool module reports the same way: an `ERR::SCOPE::REASON` code, a message for a person,
/// whether trying again could succeed, and the error underneath, if any.
///
/// Each module keeps its own error type and codes; this protocol lets the command line print any of them as
/// `{"code", "message", "retryable"}` and the spool record any of them in `error.json`, without a list of types.
public protocol CodedFailure: Error, CustomStringConvertible {
    /// The `ERR::SCOPE::REASON` code.
    var codeText: String { get }
    var message: String { get }
    var isRetryable: Bool { get }
    /// The error this one was made from (an `Errno`, a database error, another coded error), for logs.
    var underlyingError: (any Error)? { get }
}

extension CodedFailure {
    public var underlyingError: (any Error)? { nil }

    public var description: String {
        guard let underlyingError else { return "\(codeText): \(message)" }
        return "\(codeText): \(message) (cause: \(underlyingError))"
    }
}
