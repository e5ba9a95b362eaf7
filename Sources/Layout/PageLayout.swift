import PDFText

/// A word: glyphs with no word gap between them.
public struct Word: Sendable {
    public var text: String
    /// Bounds in display space.
    public var bounds: Rect
    public var fontSize: Double
    public var isBold: Bool
    public var isItalic: Bool
    public var isMonospace: Bool
    /// Index into the page's fonts (``PageLayout/fontNames``); -1 when unknown.
    public var fontIndex: Int = -1
}

/// A run of words on one baseline, with no column gap inside it.
public struct TextLine: Sendable {
    public var words: [Word] {
        didSet { text = words.map(\.text).joined(separator: " ") }
    }
    public var bounds: Rect
    /// Dominant font size.
    public var fontSize: Double
    /// Whether the text reads right to left (words are then in logical order already).
    public var isRightToLeft: Bool

    /// The words joined with single spaces.
    public private(set) var text: String

    public init(words: [Word], bounds: Rect, fontSize: Double, isRightToLeft: Bool) {
        self.words = words
        self.bounds = bounds
        self.fontSize = fontSize
        self.isRightToLeft = isRightToLeft
        self.text = words.map(\.text).joined(separator: " ")
    }
}

/// Lines that belong together: a paragraph, a heading, a table cell's worth of text.
public struct TextBlock: Sendable {
    public var lines: [TextLine]
    public var bounds: Rect
    /// Writing direction of the block in display space: 0 (left to right), 90 (downwards), 180, 270 (upwards).
    public var orientation: Int
    /// Set for page furniture (running headers, footers, page numbers), which is not body text.
    public var role: BlockRole?
    /// Paragraph, title, heading or list item.
    public var kind = BlockKind.paragraph

    /// The block's text: lines joined with spaces, words broken by a hyphen at a line end joined again.
    public var text: String {
        if case .table(let grid) = kind {
            // One line per row: its non-empty cells joined by a space (a wrapped cell is already one cell).
            let rows = [grid.columns] + grid.rows + grid.footers.map(\.cells)
            return rows.map { $0.filter { !$0.isEmpty }.joined(separator: " ") }.filter { !$0.isEmpty }
                .joined(separator: "\n")
        }
        return LineJoiner.join(lines.map(\.text))
    }
}

/// Page furniture that repeats on pages rather than belonging to the body.
public enum BlockRole: String, Sendable {
    case header
    case footer
    case pageNumber = "page-number"
}

/// The layout of one page: text blocks in reading order, plus the rulings for table detection.
public struct PageLayout: Sendable {
    public var number: Int
    public var width: Double
    public var height: Double
    public var blocks: [TextBlock]
    public var rulings: [Ruling]
    public var rects: [FilledRect]
    public var unmappedGlyphCount: Int
    /// The names of the page's fonts, by index (for the `styles` projection).
    public var fontNames: [String] = []

    /// Analyzes a page's glyphs into words, lines and blocks in reading order.
    public init(page: PageContent, options: LayoutOptions = LayoutOptions()) {
        number = page.number
        width = page.width
        height = page.height
        rulings = page.rulings
        rects = page.rects
        unmappedGlyphCount = page.unmappedGlyphCount
        fontNames = page.fonts.map(\.name)
        let glyphs = GlyphPreparation.prepare(page, options: options)
        // A page whose every glyph was read by OCR has no content stream order worth keeping.
        let scanned = !page.fonts.isEmpty && page.fonts.allSatisfy { $0.kind == "ocr" }
        var blocks: [TextBlock] = []
        for group in glyphs {
            let lines = LineBuilder.lines(from: group.glyphs, fonts: page.fonts)
            let grouped = BlockBuilder.blocks(from: lines)
            let ordered = ReadingOrder.order(grouped, trustStream: !scanned)
            blocks.append(contentsOf: ordered.map { group.frame.toDisplay($0) })
        }
        BulletMarks.attach(to: &blocks, rects: page.dots + page.rects)
        self.blocks = blocks
    }

    /// Reading-order body text of the page (page furniture left out), a blank line between blocks.
    public var text: String {
        blocks.filter { $0.role == nil }.map(\.text).filter { !$0.isEmpty }.joined(separator: "\n\n")
    }
}

/// Tuning of the layout analysis.
public struct LayoutOptions: Sendable {
    /// Keep text drawn invisibly (render mode 3, e.g. OCR layers).
    public var keepInvisibleText = true
    /// A gap wider than this many font sizes splits a line into separate lines (columns, table cells).
    public var columnGap = 1.2
    /// A gap wider than this many font sizes separates words.
    public var wordGap = 0.15
    public init() {}
}
