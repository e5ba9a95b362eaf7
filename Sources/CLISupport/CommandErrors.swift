import ArgumentParser

/// An error that carries an `ERR::SCOPE::REASON` code; the executables declare which of their modules' errors
/// are coded, so this module stays free of them.
public protocol CodedError: Error {
    var codeText: String { get }
    var message: String { get }
    var isRetryable: Bool { get }
}

/// Runs a command body, turning every coded error into the JSON error object on stderr and exit status 2.
public enum CommandErrors {
    public static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as CodedError {
            StandardStreams.reportError(code: error.codeText, message: error.message, retryable: error.isRetryable)
            throw ExitCode(2)
        } catch let error as ValidationError {
            StandardStreams.reportError(code: "ERR::CLI::INVALID_ARGUMENT", message: error.message, retryable: false)
            throw ExitCode(2)
        }
    }
}
