import ArgumentParser
import CodedErrors

/// Runs a command body, turning every coded error (``CodedFailure``) into the JSON error object on stderr and exit status 2.
public enum CommandErrors {
    public static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as CodedFailure {
            StandardStreams.reportError(code: error.codeText, message: error.message, retryable: error.isRetryable)
            throw ExitCode(2)
        } catch let error as ValidationError {
            StandardStreams.reportError(code: "ERR::CLI::INVALID_ARGUMENT", message: error.message, retryable: false)
            throw ExitCode(2)
        }
    }
}
