/// An error every Skillspool module reports the same way: an `ERR::SCOPE::REASON` code, a message for a person,
/// and whether trying again could succeed.
///
/// Each module keeps its own error type and codes; this protocol lets the command line print any of them as
/// `{"code", "message", "retryable"}` and the spool record any of them in `error.json`, without a list of types.
public protocol CodedFailure: Error, CustomStringConvertible {
    /// The `ERR::SCOPE::REASON` code.
    var codeText: String { get }
    var message: String { get }
    var isRetryable: Bool { get }
}

extension CodedFailure {
    public var description: String { "\(codeText): \(message)" }
}
