/// The kinds of source a document can be: a PDF, or a format that carries its own structure.
public enum SourceFormat: String, Sendable, CaseIterable, Hashable {
    case pdf
    /// Word (Office Open XML).
    case docx
    case html
    /// CommonMark with GitHub's extensions.
    case markdown
    /// Plain text.
    case text

    /// The format a file name claims by its extension; nil for other names.
    public init?(fileName: String) {
        let lower = fileName.lowercased()
        guard let dot = lower.lastIndex(of: ".") else { return nil }
        switch lower[lower.index(after: dot)...] {
        case "pdf": self = .pdf
        case "docx": self = .docx
        case "html", "htm", "xhtml": self = .html
        case "md", "markdown": self = .markdown
        case "txt", "text": self = .text
        default: return nil
        }
    }

    /// The file extension outputs and inbox names use.
    public var fileExtension: String {
        switch self {
        case .pdf: "pdf"
        case .docx: "docx"
        case .html: "html"
        case .markdown: "md"
        case .text: "txt"
        }
    }
}
