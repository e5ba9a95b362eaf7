/// The structured document produced by a conversion (schema version 1).
///
/// A pure value: the renderers turn it into JSON, Markdown or ASCII without looking at the PDF again.
public struct Document: Sendable {
    public var documentType: DocumentType
    public var meta: DocumentMeta
    /// The text styles entries refer to (the `fonts` projection); nil when not asked for.
    public var styles: [TextStyle]?
    public var sections: [Section]

    public init(documentType: DocumentType, meta: DocumentMeta, sections: [Section]) {
        self.documentType = documentType
        self.meta = meta
        self.sections = sections
    }
}

/// What kind of document this is, with the evidence.
public struct DocumentType: Sendable {
    public var type: String
    public var subtype: String?
    public var confidence: Double
    public var alternatives: [(type: String, score: Double)]
    public var signals: [String]

    public init(
        type: String,
        subtype: String? = nil,
        confidence: Double,
        alternatives: [(type: String, score: Double)] = [],
        signals: [String] = []
    ) {
        self.type = type
        self.subtype = subtype
        self.confidence = confidence
        self.alternatives = alternatives
        self.signals = signals
    }

    /// Nothing classified yet.
    public static let unknown = DocumentType(type: "unknown", confidence: 0)
}

/// Facts about the conversion itself.
public struct DocumentMeta: Sendable {
    public static let schemaVersion = 1

    public var engineVersion: String
    public var pageCount: Int
    public var totalSections: Int
    public var selectedPages: String
    public var producer: String?
    /// The title the file's metadata gives (a PDF's document information `Title`), as written there.
    public var title: String?
    public var isEncrypted: Bool
    /// Glyphs whose text the fonts did not reveal (counted, never printed as garbage).
    public var unmappedGlyphs: Int
    /// The documents one PDF holds, in page order (one segment when it holds one).
    public var segments: [Segment] = []
    /// How the pages without a text layer were read, when some were.
    public var ocr: OCRReport?

    public init(
        engineVersion: String,
        pageCount: Int,
        totalSections: Int,
        selectedPages: String,
        producer: String?,
        isEncrypted: Bool,
        unmappedGlyphs: Int
    ) {
        self.engineVersion = engineVersion
        self.pageCount = pageCount
        self.totalSections = totalSections
        self.selectedPages = selectedPages
        self.producer = producer
        self.isEncrypted = isEncrypted
        self.unmappedGlyphs = unmappedGlyphs
    }
}

/// How OCR read a document (`meta.ocr`): the engine and languages, the pages it read with their mean word
/// confidence, and the pages it could not read.
public struct OCRReport: Sendable, Hashable {
    /// `tesseract 5.3.0`, or `tesseract unavailable`.
    public var engine: String
    /// Tesseract's language codes joined by `+`: `eng+deu`.
    public var languages: String
    /// 1-based page numbers whose text came (partly) from OCR.
    public var pages: [Int] = []
    /// Each such page's mean word confidence, 0…1, in the order of `pages`.
    public var confidences: [Double] = []
    /// Pages that needed OCR and did not get it (no engine or language data, images in formats not decoded).
    public var unreadPages: [Int] = []
    /// Every line OCR read, where it is and how sure the engine was: the entries and tables over them take their
    /// confidence from these (not written out as such).
    public var lines: [OCRLine] = []

    /// What `engine` says when Tesseract or its language data cannot be loaded.
    public static let unavailableEngine = "tesseract unavailable"

    public init(engine: String, languages: String) {
        self.engine = engine
        self.languages = languages
    }

    /// Whether OCR could not run at all (no engine or language data), rather than failing on the pages' images.
    public var isUnavailable: Bool { engine == Self.unavailableEngine }

    /// What the engine version of a document read by OCR carries: `+ocr@5.3.0-eng,deu`.
    public var versionSuffix: String {
        let version = engine.split(separator: " ").last.map(String.init) ?? engine
        return "+ocr@\(version)-" + languages.split(separator: "+").joined(separator: ",")
    }
}

/// A line OCR read: its page, its box in points (top-left origin) and the mean confidence of its words, 0…1.
public struct OCRLine: Sendable, Hashable {
    public var page: Int
    public var x, y, width, height: Double
    public var confidence: Double

    public init(page: Int, x: Double, y: Double, width: Double, height: Double, confidence: Double) {
        self.page = page
        self.x = x
        self.y = y
        self.width = width
        self.height = height
        self.confidence = confidence
    }
}

/// One page of the document, or for sources without pages (Word, HTML, Markdown, text) one part of it.
public struct Section: Sendable {
    /// `page`, or `section` for a part of a source without pages.
    public var kind = "page"
    /// `ocr` when the page's text was read from its images; nil for text from the document itself.
    public var source: String?
    /// The OCR'd page's mean word confidence, 0…1.
    public var confidence: Double?
    /// 0-based page (or section) index in the source document.
    public var index: Int
    public var width: Double
    public var height: Double
    public var blocks: [Block]

    /// `page 3` or `section 3`, as the renderers name it.
    public var label: String { "\(kind) \(index + 1)" }

    public init(index: Int, width: Double, height: Double, blocks: [Block], kind: String = "page") {
        self.kind = kind
        self.index = index
        self.width = width
        self.height = height
        self.blocks = blocks
    }
}

/// A block of a page.
public enum Block: Sendable {
    case cluster(Cluster)
    case table(Table)
}

/// A table: column texts, rows with exactly one cell per column, and total rows as footers.
public struct Table: Sendable {
    public var columns: [String]
    public var rows: [[String]]
    /// A total, subtotal or tax row: its label and all its cells, column by column.
    public var footers: [(label: String, cells: [String])]
    /// `[x, y, w, h]` in points, top-left origin.
    public var bounds: [Double]?
    /// Whether the table continues one from the previous page.
    public var continued = false
    /// How many of the first `rows` continue the header below `columns` (sub-headers under a cell spanning
    /// several columns); ``columnNames`` merges them.
    public var headerRows = 0
    /// Semantic tags of the body cells, row by row (empty when not tagged).
    public var rowTags: [[SemanticTag?]] = []
    /// Semantic tags of the footer cells.
    public var footerTags: [[SemanticTag?]] = []
    /// For a table read by OCR, the mean confidence of the lines in it, 0…1.
    public var confidence: Double?

    public init(
        columns: [String],
        rows: [[String]],
        footers: [(label: String, cells: [String])] = [],
        bounds: [Double]? = nil
    ) {
        self.columns = columns
        self.rows = rows
        self.footers = footers
        self.bounds = bounds
    }

    /// The rows below the header.
    public var bodyRows: ArraySlice<[String]> { rows.dropFirst(min(headerRows, rows.count)) }

    /// Column names with every header row merged in, top to bottom. A header cell followed by empty cells that
    /// have sub-headers below them spans those columns and names each of them ("2019 Revenue", "2019 Cost").
    public var columnNames: [String] {
        guard headerRows > 0 else { return columns }
        let levels = [columns] + rows.prefix(headerRows)
        var names = [String](repeating: "", count: columns.count)
        for (depth, level) in levels.enumerated() {
            var carried = ""
            for column in names.indices {
                let cell = column < level.count ? level[column] : ""
                let below = levels.dropFirst(depth + 1).contains { column < $0.count && !$0[column].isEmpty }
                if !cell.isEmpty {
                    carried = cell
                } else if !below {
                    carried = ""
                }
                let text = cell.isEmpty ? carried : cell
                if !text.isEmpty { names[column] += (names[column].isEmpty ? "" : " ") + text }
            }
        }
        return names
    }
}

/// Consecutive entries that belong together (a paragraph, a key/value group).
public struct Cluster: Sendable {
    public var entries: [Entry]
    /// `[x, y, w, h]` in points, top-left origin.
    public var bounds: [Double]?
    /// `header`, `footer` or `page-number` for page furniture; nil for body text.
    public var role: String?

    public init(entries: [Entry], bounds: [Double]? = nil, role: String? = nil) {
        self.entries = entries
        self.bounds = bounds
        self.role = role
    }
}

/// One entry of a cluster.
public struct Entry: Sendable {
    public enum Kind: String, Sendable {
        case text
        case title
        case heading
        case listItem = "list-item"
        case kv
        /// Preformatted text (code, a transcript) from sources that mark it; its line breaks are kept.
        case code
    }

    public var kind: Kind
    public var text: String
    public var bounds: [Double]?
    public var style: Int?
    /// Font size in points (with the `fonts` projection).
    public var size: Double?
    /// Heading and list-item level, 1 the highest.
    public var level: Int?
    /// A heading's section number (`2.3.1`).
    public var number: String?
    /// A list item's marker (`•`, `2.`, `a)`).
    public var marker: String?
    /// A key/value entry's key and value, as printed.
    public var key: String?
    public var value: String?
    /// The kind of value recognised (`date`, `amount`, `percent`, `email`, `url`, `iban`, `phone`).
    public var semantic: String?
    /// The value in a canonical form (ISO date, dot-decimal amount, …).
    public var normalized: String?
    /// The ISO currency of an amount.
    public var unit: String?
    /// For text read by OCR, the mean confidence of its lines, 0…1 (nil for text from the document itself).
    public var confidence: Double?

    public init(
        kind: Kind,
        text: String,
        bounds: [Double]? = nil,
        style: Int? = nil,
        level: Int? = nil,
        number: String? = nil,
        marker: String? = nil,
        key: String? = nil,
        value: String? = nil
    ) {
        self.kind = kind
        self.text = text
        self.bounds = bounds
        self.style = style
        self.level = level
        self.number = number
        self.marker = marker
        self.key = key
        self.value = value
    }
}

/// A typed value recognised in a table cell.
public struct SemanticTag: Sendable, Hashable {
    public var semantic: String
    public var normalized: String
    public var unit: String?

    public init(semantic: String, normalized: String, unit: String? = nil) {
        self.semantic = semantic
        self.normalized = normalized
        self.unit = unit
    }
}

/// A text style of the `styles` table.
public struct TextStyle: Sendable, Hashable {
    public var font: String
    public var size: Double
    public var bold: Bool
    public var italic: Bool
    public var monospace: Bool

    public init(font: String, size: Double, bold: Bool, italic: Bool, monospace: Bool) {
        self.font = font
        self.size = size
        self.bold = bold
        self.italic = italic
        self.monospace = monospace
    }
}

/// One document within a PDF: its pages and type (the Sky AI pipeline's continuation analysis).
public struct Segment: Sendable, Hashable {
    public var firstPage: Int
    public var lastPage: Int
    public var type: String
    public var subtype: String?
    /// Why the segment starts where it does (`start`, `page-number-reset`, `type-change`).
    public var signal: String

    public init(firstPage: Int, lastPage: Int, type: String, subtype: String? = nil, signal: String) {
        self.firstPage = firstPage
        self.lastPage = lastPage
        self.type = type
        self.subtype = subtype
        self.signal = signal
    }
}
