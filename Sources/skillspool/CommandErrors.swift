import ArgumentParser
import Ledger
import PDFText
import Spool

/// Runs a command body, turning every coded error into the JSON error object on stderr and exit status 2.
enum CommandErrors {
    static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as PDFError {
            StandardStreams.reportError(code: error.code.rawValue, message: error.message, retryable: error.isRetryable)
            throw ExitCode(2)
        } catch let error as LedgerError {
            StandardStreams.reportError(code: error.code.rawValue, message: error.message, retryable: error.isRetryable)
            throw ExitCode(2)
        } catch let error as ConfigurationError {
            StandardStreams.reportError(code: ConfigurationError.code, message: error.message, retryable: false)
            throw ExitCode(2)
        } catch let error as ValidationError {
            StandardStreams.reportError(code: "ERR::CLI::INVALID_ARGUMENT", message: error.message, retryable: false)
            throw ExitCode(2)
        }
    }
}
