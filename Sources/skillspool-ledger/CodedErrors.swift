import CLISupport
import Ledger
import SpoolConfig

extension LedgerError: CodedError {
    public var codeText: String { code.rawValue }
}

extension ConfigurationError: CodedError {
    public var codeText: String { Self.code }
}
