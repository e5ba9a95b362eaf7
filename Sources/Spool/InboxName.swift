import DocumentModel
import Markup

/// What a file name in an inbox stands for, decided from the name alone.
public enum InboxName: Sendable, Hashable {
    /// An upload in progress or an editor's scratch file: never looked at.
    case ignored
    /// A document: a PDF, Word, HTML, Markdown or text file (`.pdf`, `.docx`, `.html`/`.htm`, `.md`, `.txt`).
    case document(SourceFormat)
    /// A job manifest `NAME.job.json`.
    case manifest
    case archive(ArchiveKind)
    /// Anything else; quarantined once it has been quiet.
    case unsupported

    public enum ArchiveKind: String, Sendable, Hashable {
        case zip
        case tar
        case tarGzip = "tar.gz"
    }

    /// Classifies `name`. Dot-files cover rsync's `.NAME.XXXXXX` and lftp's `.in.NAME`; `*.part`, `*.filepart`,
    /// `*.tmp` and `*~` are other uploaders' and editors' temporaries.
    public init(_ name: String) {
        let lower = name.lowercased()
        if name.hasPrefix(".") || lower.hasSuffix(".part") || lower.hasSuffix(".filepart") || lower.hasSuffix(".tmp")
            || lower.hasSuffix("~") || lower.hasSuffix(".crdownload")
        {
            self = .ignored
        } else if lower.hasSuffix(".job.json") {
            self = .manifest
        } else if let format = SourceFormat(fileName: lower) {
            self = .document(format)
        } else if lower.hasSuffix(".zip") {
            self = .archive(.zip)
        } else if lower.hasSuffix(".tar") {
            self = .archive(.tar)
        } else if lower.hasSuffix(".tar.gz") || lower.hasSuffix(".tgz") {
            self = .archive(.tarGzip)
        } else {
            self = .unsupported
        }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        for start in stride(from: haystack.count - needle.count, through: 0, by: -1)
        where haystack[start] == needle[0] && Array(haystack[start..<start + needle.count]) == needle {
            return true
        }
        return false
    }
}
