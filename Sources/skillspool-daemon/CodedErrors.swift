import Archives
import CLISupport
import Ledger
import PDFText
import Spool
import SpoolConfig

extension SpoolError: CodedError {
    public var codeText: String { code.rawValue }
}

extension LedgerError: CodedError {
    public var codeText: String { code.rawValue }
}

extension ConfigurationError: CodedError {
    public var codeText: String { Self.code }
}

extension PDFError: CodedError {
    public var codeText: String { code.rawValue }
}
