import Archives
import Ledger
import PDFText
import SpoolConfig

extension JobFailure {
    /// The coded form of an error from any stage; an error without a code is an internal one.
    public init(_ error: any Error) {
        switch error {
        case let error as SpoolError:
            self.init(code: error.code.rawValue, message: error.message, isRetryable: error.isRetryable)
        case let error as PDFError:
            self.init(code: error.code.rawValue, message: error.message, isRetryable: error.isRetryable)
        case let error as LedgerError:
            self.init(code: error.code.rawValue, message: error.message, isRetryable: error.isRetryable)
        case let error as ArchiveError:
            self.init(code: error.code.rawValue, message: error.message, isRetryable: error.isRetryable)
        case let error as ConfigurationError:
            self.init(code: ConfigurationError.code, message: error.message, isRetryable: false)
        default:
            self.init(code: "ERR::INTERNAL::UNEXPECTED", message: "\(error)", isRetryable: true)
        }
    }
}
