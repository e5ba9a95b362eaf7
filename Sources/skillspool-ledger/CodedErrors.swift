import CLISupport
import Ledger
import Spool

extension LedgerError: CodedError {
    public var codeText: String { code.rawValue }
}

extension ConfigurationError: CodedError {
    public var codeText: String { Self.code }
}
