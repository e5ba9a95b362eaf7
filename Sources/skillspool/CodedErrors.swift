import CLISupport
import PDFText
import Spool

extension PDFError: CodedError {
    public var codeText: String { code.rawValue }
}

extension ConfigurationError: CodedError {
    public var codeText: String { Self.code }
}
