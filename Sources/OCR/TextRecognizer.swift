import COCR

/// One word Tesseract read: where it is in the image (pixels, top-left origin), how sure it is, and which line of
/// the page it belongs to.
struct RecognizedWord: Sendable, Hashable {
    var text: String
    var left, top, width, height: Int
    /// 0…1.
    var confidence: Double
    /// The line's number on the page (block, paragraph and line combined), and the line's box.
    var line: Int
    var lineTop, lineHeight: Int
}

/// Tesseract, through its C API (loaded on first use): one recogniser per language set, used by one thread.
final class TextRecognizer {
    private let handle: UnsafeMutableRawPointer
    /// The language codes it reads with, in Tesseract's order (the first is tried first).
    let languages: [String]

    /// Tesseract's version, or nil when it cannot be loaded (the library or its language data is not installed).
    static var version: String? {
        guard skillspool_ocr_load() == 0, let version = skillspool_ocr_version() else { return nil }
        return String(cString: version)
    }

    /// - Parameter languages: Tesseract's language codes joined by `+` (`eng+deu`).
    init?(languages: String) {
        guard let handle = skillspool_ocr_create(languages) else { return nil }
        self.handle = handle
        self.languages = languages.split(separator: "+").map(String.init)
    }

    deinit { skillspool_ocr_delete(handle) }

    /// How Tesseract splits an image before reading it (its page segmentation modes).
    enum Segmentation: Int32 {
        /// Columns, blocks and lines found automatically (PSM 3).
        case page = 3
        /// One uniform block of text (PSM 6).
        case block = 6
        /// One line of text (PSM 7).
        case line = 7
    }

    /// The words of `image`, scanned at `dpi`, in Tesseract's reading order.
    func words(in image: GrayImage, dpi: Int, segmentation: Segmentation = .page) -> [RecognizedWord] {
        let tsv = image.pixels.withUnsafeBufferPointer { pixels in
            skillspool_ocr_recognize(
                handle,
                pixels.baseAddress,
                Int32(image.width),
                Int32(image.height),
                Int32(dpi),
                segmentation.rawValue
            )
        }
        guard let tsv else { return [] }
        defer { skillspool_ocr_free(tsv) }
        return Self.parse(String(cString: tsv))
    }

    /// Reads Tesseract's TSV: level 4 rows are lines, level 5 rows words.
    static func parse(_ tsv: String) -> [RecognizedWord] {
        var words: [RecognizedWord] = []
        var lines: [Int: (top: Int, height: Int)] = [:]
        for row in tsv.split(separator: "\n") {
            let fields = row.split(separator: "\t", maxSplits: 11, omittingEmptySubsequences: false)
            guard fields.count >= 11, let level = Int(fields[0]), let block = Int(fields[2]),
                let paragraph = Int(fields[3]), let lineNumber = Int(fields[4]), let left = Int(fields[6]),
                let top = Int(fields[7]), let width = Int(fields[8]), let height = Int(fields[9]),
                let confidence = Double(fields[10])
            else { continue }
            let line = (block * 1_000 + paragraph) * 1_000 + lineNumber
            if level == 4 { lines[line] = (top, height) }
            guard level == 5, fields.count == 12 else { continue }
            let text = String(fields[11].drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
            guard !text.isEmpty, width > 0, height > 0 else { continue }
            let box = lines[line] ?? (top, height)
            words.append(
                RecognizedWord(
                    text: text,
                    left: left,
                    top: top,
                    width: width,
                    height: height,
                    confidence: max(0, min(confidence, 100)) / 100,
                    line: line,
                    lineTop: box.top,
                    lineHeight: box.height
                )
            )
        }
        return words
    }
}
