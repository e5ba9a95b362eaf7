import Archives
import FileSystem

/// Whether an upload is complete by its own format, so that a file an uploader paused half-way (longer than the
/// quiet period) is not taken: a PDF whose last `startxref` points at a cross-reference section or stream and whose
/// `%%EOF` ends the file; a zip whose end-of-central-directory record ends it; a tar with its two zero end blocks; a
/// gzip stream that decodes to its end; a Word file (a zip) by its end-of-central-directory record. HTML, Markdown
/// and text have no end of their own: the quiet period and the check for writers decide.
///
/// Only the structure at the file's end is read — the daemon never parses a document's content.
enum UploadCompleteness {
    /// What an inbox file is by its bytes so far.
    enum Status: Sendable, Equatable {
        /// Complete by its format: ready when its writer has closed it.
        case complete
        /// Not complete yet: an upload paused or still running, or one that stopped for good.
        case partial
        /// Named a PDF but its first 1,024 bytes (where the specification allows the header) hold no `%PDF-`:
        /// whatever follows, it will never become one.
        case notPDF
        /// Complete by its format, but a process still holds it open for writing (``OpenFile/hasWriters``): a file
        /// cut at an earlier revision's `%%EOF` looks whole. Decided by the intake, never cached.
        case beingWritten
    }

    /// Checks `file` as the kind its name says.
    static func status(_ kind: InboxName, file: OpenFile) -> Status {
        // The head is read once: it both rules a file out and shifts the offsets the tail names.
        let header = kind == .document(.pdf) ? headerOffset(file) : nil
        if kind == .document(.pdf), file.size >= headerWindow, header == nil { return .notPDF }
        return isComplete(kind, file: file, headerOffset: header) ? .complete : .partial
    }

    /// Where `%PDF-` begins within the first ``headerWindow`` bytes: bytes before it (a mail or scanner prefix)
    /// shift every offset the file names.
    static func headerOffset(_ file: OpenFile) -> Int? {
        let head = (try? file.read(from: 0, count: headerWindow)) ?? []
        let marker = Array("%PDF-".utf8)
        guard head.count >= marker.count else { return nil }
        return (0...(head.count - marker.count)).first { head[$0..<($0 + marker.count)].elementsEqual(marker) }
    }

    /// How far into a file its `%PDF-` header may begin.
    static let headerWindow = 1_024

    /// Whether `file` is complete as the kind its name says.
    static func isComplete(_ kind: InboxName, file: OpenFile, headerOffset knownOffset: Int? = nil) -> Bool {
        let size = file.size
        let tail = file.tail(1_024)
        switch kind {
        case .document(.pdf):
            let shift = knownOffset ?? headerOffset(file) ?? 0
            return isCompletePDF(tail: tail, size: size, shift: shift) { offset in
                (try? file.read(from: offset, count: 32)) ?? []
            }
        case .archive(.zip), .document(.docx):
            return InboxName.contains(tail, [0x50, 0x4b, 0x05, 0x06])
        case .archive(.tar):
            return size >= 1_024 && size % 512 == 0 && tail.suffix(1_024).allSatisfy { $0 == 0 }
        case .archive(.tarGzip):
            guard size >= 18 else { return false }
            return (try? ArchiveReader.withArchive(descriptor: file.descriptor.rawValue) { $0.readsToEnd() }) ?? false
        default:
            return true
        }
    }

    /// A PDF is complete when `%%EOF` is its last token and the `startxref` before it, if any, names an offset
    /// inside the file where a cross-reference table (`xref`) or stream (`N G obj`) begins.
    ///
    /// Offsets are tried as written and moved by `shift`, the bytes before the header.
    static func isCompletePDF(tail: [UInt8], size: Int, shift: Int = 0, bytesAt: (Int) -> [UInt8]) -> Bool {
        var end = tail.count
        while end > 0, isWhitespace(tail[end - 1]) { end -= 1 }
        let marker = Array("%%EOF".utf8)
        guard end >= marker.count, Array(tail[(end - marker.count)..<end]) == marker else { return false }
        // A file without `startxref` is damaged, not partial: the engine reconstructs its cross-reference.
        guard let keyword = lastIndex(of: Array("startxref".utf8), in: tail[..<(end - marker.count)]) else {
            return true
        }
        var index = keyword + 9
        while index < end, isWhitespace(tail[index]) { index += 1 }
        var offset = 0
        var digits = 0
        while index < end, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(tail[index]), digits < 15 {
            offset = offset * 10 + Int(tail[index] - UInt8(ascii: "0"))
            index += 1
            digits += 1
        }
        guard digits > 0, offset > 0, offset < size else { return false }
        return [offset, offset + shift].contains { start in
            start < size && isCrossReference(bytesAt(start))
        }
    }

    /// Whether `bytes` begin a cross-reference table (`xref`), a table whose keyword is missing (`0 6` and its
    /// entries) or a cross-reference stream (`12 0 obj`).
    private static func isCrossReference(_ bytes: [UInt8]) -> Bool {
        var target = bytes[...]
        while let first = target.first, isWhitespace(first) { target = target.dropFirst() }
        if target.starts(with: Array("xref".utf8)) { return true }
        let words = target.split(whereSeparator: isWhitespace).prefix(2)
        return words.count == 2 && words.allSatisfy { !$0.isEmpty && $0.allSatisfy(isDigit) }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func lastIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var start = haystack.endIndex - needle.count
        while start >= haystack.startIndex {
            if haystack[start] == needle[0], haystack[start..<(start + needle.count)].elementsEqual(needle) {
                return start
            }
            start -= 1
        }
        return nil
    }
}
