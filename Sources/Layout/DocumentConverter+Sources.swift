import DocumentModel
import FileSystem
import SystemPackage

extension Conversion: ConvertedSource {}

extension DocumentConverter {
    /// Whether the file at `path` is for the PDF engine: named `.pdf`, or named as no other format and holding
    /// `%PDF-` in its first 1,024 bytes (where readers accept the header).
    public static func reads(path: String) -> Bool {
        switch SourceFormat(fileName: path) {
        case .pdf: return true
        case .some: return false
        case nil: return startsLikePDF(path: path)
        }
    }

    /// Whether the file's first 1,024 bytes hold `%PDF-`; false when it cannot be read.
    static func startsLikePDF(path: String) -> Bool {
        guard let descriptor = try? FileDescriptor.open(path, .readOnly, options: [.closeOnExec]) else { return false }
        let file = OpenFile(descriptor: descriptor, name: path)
        guard let head = try? file.read(from: 0, count: 1_024) else { return false }
        let marker = Array("%PDF-".utf8)
        return head.indices.contains { head[$0...].starts(with: marker) }
    }
}
