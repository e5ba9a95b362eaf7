import CLISupport
import PDFText
import SpoolConfig

extension PDFError: CodedError {
    public var codeText: String { code.rawValue }
}

extension ConfigurationError: CodedError {
    public var codeText: String { Self.code }
}
