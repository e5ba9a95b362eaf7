import DocumentModel
import Logging
import OCR
import PDFText

/// What to convert and how.
public struct ConversionOptions: Sendable {
    /// A page selection such as `1-3,7`; nil for every page.
    public var pages: String?
    public var password: String?
    /// Include `[x, y, w, h]` bounds on blocks and entries.
    public var bounds = false
    public var limits = ConversionLimits.default
    public var layout = LayoutOptions()
    /// Find tables, headings and lists (needed for the document model; plain text can do without).
    public var structure = true
    /// Tag dates, amounts, percentages, e-mails, URLs, IBANs and phone numbers with normalized values.
    public var semantic = true
    /// Add the `styles` table and each entry's style and size (Skely's `fonts` projection).
    public var styles = false
    /// When pages are read by OCR: `auto` reads pages without a text layer that draw an image (scans).
    public var ocr = OCRMode.auto
    /// Tesseract's language codes for OCR (`eng`, `deu`, …), tried together.
    public var ocrLanguages = [OCRLanguage.automatic]
    /// Where diagnostics go (unmapped glyphs, dropped text); silent by default.
    public var logger = Logger(label: "skillspool.convert", factory: { _ in SwiftLogNoOpLogHandler() })

    public init(
        pages: String? = nil,
        password: String? = nil,
        bounds: Bool = false,
        limits: ConversionLimits = .default
    ) {
        self.pages = pages
        self.password = password
        self.bounds = bounds
        self.limits = limits
    }
}

/// The outcome of converting one PDF: the page layouts, and the document model built from them on demand (text
/// output does not need it).
public struct Conversion: Sendable {
    public var layouts: [PageLayout]
    var meta: DocumentMeta
    var bounds: Bool
    var semantic = true
    var styles = false
    /// Every font used on the converted pages, in order of first use.
    public var fonts: [FontInfo]
    /// The pages that are scans (no text layer, an image that can hold text), read by OCR or not.
    public var scannedPages: [Int] = []

    /// The document type alone (what info mode reports): the same as the structured document's, a bundle included.
    public var documentType: DocumentType { typeAndSegments.type }

    /// The file's type and the documents it holds; a bundle is described by its first document with subtype
    /// `bundle` (the evaluation's and the skills' convention).
    private var typeAndSegments: (type: DocumentType, segments: [Segment]) {
        var documentType = DocumentConverter.classify(layouts)
        let segments = SegmentDetector.segments(layouts, documentType: documentType)
        if segments.count > 1, let first = segments.first {
            documentType.type = first.type
            documentType.subtype = "bundle"
        }
        return (documentType, segments)
    }

    /// The structured document (schema v1).
    public var document: Document {
        let (documentType, segments) = typeAndSegments
        var meta = meta
        meta.segments = segments
        var registry = styles ? StyleRegistry() : nil
        let sections = layouts.map { layout in
            // Invoices, receipts and statements have no section structure: their bold lines are names and labels.
            let type = segments.last { $0.firstPage <= layout.number }?.type ?? documentType.type
            var section = DocumentConverter.section(
                for: layout,
                bounds: bounds,
                headings: !["invoice", "receipt", "statement"].contains(type),
                semantic: semantic,
                styles: &registry,
                ocrLines: meta.ocr?.lines.filter { $0.page == layout.number } ?? []
            )
            if let ocr = meta.ocr, let read = ocr.pages.firstIndex(of: layout.number) {
                section.source = "ocr"
                section.confidence = ocr.confidences[read]
            }
            return section
        }
        var document = Document(documentType: documentType, meta: meta, sections: sections)
        document.styles = registry?.styles
        return document
    }

    /// Reading-order body text, pages separated by form feeds.
    ///
    /// Page furniture (running headers, footers, page numbers) is left out, as in Markdown, so a paragraph that runs
    /// on from one page to the next reads on; the JSON keeps it in place, marked with its role.
    public var text: String {
        layouts.map(\.text).joined(separator: "\n\u{0C}") + "\n"
    }
}

/// Converts a PDF file into a ``Document``: text engine, then layout.
public enum DocumentConverter {
    /// - Throws: ``PDFError`` for refusals (not a PDF, password, page range, limits).
    public static func convert(path: String, options: ConversionOptions = ConversionOptions()) throws -> Conversion {
        try convert(PDFDocument(path: path, password: options.password, limits: options.limits), options: options)
    }

    /// Converts a PDF held in memory.
    public static func convert(bytes: [UInt8], options: ConversionOptions = ConversionOptions()) throws -> Conversion {
        try convert(PDFDocument(bytes: bytes, password: options.password, limits: options.limits), options: options)
    }

    /// The pages of `selection` that OCR reads under `mode`, found by reading each page's content without
    /// converting it: what a plan pricing OCR pages apart counts before a job starts.
    public static func ocrPages(
        bytes: [UInt8],
        password: String?,
        selection: PageSelection,
        mode: OCRMode,
        limits: ConversionLimits
    ) throws -> [Int] {
        guard mode != .never else { return [] }
        let pdf = try PDFDocument(bytes: bytes, password: password, limits: limits)
        return try pdf.extractPages(selection).filter { PageRecognizer.willRead($0, mode: mode) }.map(\.number)
    }

    private static func convert(_ pdf: PDFDocument, options: ConversionOptions) throws -> Conversion {
        let selection =
            try options.pages.map { try PageSelection(parsing: $0, pageCount: pdf.pageCount) }
            ?? .all(pdf.pageCount)
        var pages = try pdf.extractPages(selection)
        let scannedPages = pages.filter(PageRecognizer.needsOCR).map(\.number)
        let ocr = try PageRecognizer.recognize(&pages, in: pdf, mode: options.ocr, languages: options.ocrLanguages)
        // A scan that yields nothing because its images could not be read is refused, not delivered (and billed) as
        // an empty document; a blank scan that was read is empty by right.
        if let ocr, !ocr.unreadPages.isEmpty, pages.allSatisfy({ $0.glyphs.isEmpty }) {
            let listed = ocr.unreadPages.map(String.init).joined(separator: ", ")
            throw ocr.isUnavailable
                ? PDFError(.ocrUnavailable, "page(s) \(listed) need OCR, which is not installed", retryable: true)
                : PDFError(.unreadableScan, "the images of scanned page(s) \(listed) could not be read")
        }
        var layouts = pages.map { PageLayout(page: $0, options: options.layout) }
        PageFurniture.mark(&layouts)
        if options.structure { StructureAnalyzer.analyze(&layouts) }
        var meta = DocumentMeta(
            engineVersion: PDFEngine.version + (ocr.map { $0.pages.isEmpty ? "" : $0.versionSuffix } ?? ""),
            pageCount: pdf.pageCount,
            totalSections: layouts.count,
            selectedPages: selection.description,
            producer: pdf.info("Producer"),
            isEncrypted: pdf.isEncrypted,
            unmappedGlyphs: pages.reduce(0) { $0 + $1.unmappedGlyphCount }
        )
        meta.ocr = ocr
        meta.title = pdf.info("Title").map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .flatMap { $0.isEmpty ? nil : $0 }
        var fonts: [FontInfo] = []
        for page in pages { for font in page.fonts where !fonts.contains(font) { fonts.append(font) } }
        let logger = options.logger
        for page in pages where page.unmappedGlyphCount > 0 || page.clippedGlyphCount > 0 {
            logger.warning(
                "glyphs without text or outside the page",
                metadata: [
                    "convert.page": "\(page.number)", "convert.unmapped": "\(page.unmappedGlyphCount)",
                    "convert.outside_page": "\(page.clippedGlyphCount)",
                ]
            )
        }
        logger.debug(
            "converted",
            metadata: [
                "convert.pages": "\(pages.count)", "convert.glyphs": "\(pages.reduce(0) { $0 + $1.glyphs.count })",
                "convert.fonts": "\(fonts.count)",
            ]
        )
        return Conversion(
            layouts: layouts,
            meta: meta,
            bounds: options.bounds,
            semantic: options.semantic,
            styles: options.styles,
            fonts: fonts,
            scannedPages: scannedPages
        )
    }

    /// The document type from the title and the body text of the first pages (at most 30,000 characters).
    ///
    /// - Parameter titleSize: for a later document of a bundle, the type size of the file's title, which finds this
    ///   document's own title among its headings.
    static func classify(_ layouts: [PageLayout], titleSize: Double? = nil) -> DocumentType {
        let title =
            layouts.first.flatMap { first in
                first.blocks.first { $0.kind == .title }
                    ?? SegmentDetector.announcement(in: first, titleSize: titleSize)
            }?.text
        var text = ""
        var tableCharacters = 0
        for layout in layouts.prefix(3) where text.utf8.count < 30_000 {
            text += layout.text + "\n"
            for block in layout.blocks {
                if case .table = block.kind { tableCharacters += block.text.utf8.count }
            }
        }
        return DocumentClassifier.classify(
            title: title,
            firstPage: layouts.first?.text ?? "",
            text: text,
            tableShare: Double(tableCharacters) / Double(max(text.utf8.count, 1))
        )
    }

    static func entry(for block: TextBlock, text: String, bounds: [Double]?, headings: Bool, semantic: Bool) -> Entry {
        switch block.kind {
        case .table:
            return Entry(kind: .text, text: text, bounds: bounds)
        case .keyValue(let key, let value):
            var entry = Entry(kind: .kv, text: text, bounds: bounds, key: key, value: value)
            if semantic, let tagged = SemanticTagger.tag(value, key: key) {
                entry.semantic = tagged.kind
                entry.normalized = tagged.normalized
                entry.unit = tagged.unit
            }
            return entry
        case .heading where !headings:
            return Entry(kind: .text, text: text, bounds: bounds)
        case .paragraph:
            return Entry(kind: .text, text: text, bounds: bounds)
        case .title:
            return Entry(kind: .title, text: text, bounds: bounds)
        case .heading(let level, let number):
            return Entry(kind: .heading, text: text, bounds: bounds, level: level, number: number)
        case .listItem(let marker, let level):
            var body = Substring(text)
            if body.hasPrefix(marker) { body = body.dropFirst(marker.count).drop { $0 == " " } }
            return Entry(kind: .listItem, text: String(body), bounds: bounds, level: level, marker: marker)
        }
    }

    /// Tags every cell that holds a typed value, its column header serving as the label.
    public static func tagCells(_ table: inout Table) {
        let labels = table.columnNames.map { SemanticTagger.Label($0) }
        func tags(_ cells: [String]) -> [SemanticTag?] {
            cells.enumerated().map { column, text in
                // A cell without a digit, an @ or a www. holds no typed value: the tagger is skipped.
                guard text.contains(where: { $0.isNumber || $0 == "@" }) || text.hasPrefix("www."),
                    let value = SemanticTagger.tag(
                        text,
                        label: column < labels.count ? labels[column] : SemanticTagger.Label(nil)
                    )
                else { return nil }
                return SemanticTag(semantic: value.kind, normalized: value.normalized, unit: value.unit)
            }
        }
        let rowTags = table.rows.enumerated().map { index, row in
            index < table.headerRows ? [SemanticTag?](repeating: nil, count: row.count) : tags(row)
        }
        let footerTags = table.footers.map { tags($0.cells) }
        if rowTags.contains(where: { $0.contains { $0 != nil } })
            || footerTags.contains(where: { $0.contains { $0 != nil } })
        {
            table.rowTags = rowTags
            table.footerTags = footerTags
        }
    }

    static func section(for layout: PageLayout, bounds: Bool, headings: Bool, semantic: Bool = true) -> Section {
        var registry: StyleRegistry?
        return section(for: layout, bounds: bounds, headings: headings, semantic: semantic, styles: &registry)
    }

    static func section(
        for layout: PageLayout,
        bounds: Bool,
        headings: Bool,
        semantic: Bool,
        styles: inout StyleRegistry?,
        ocrLines: [OCRLine] = []
    ) -> Section {
        let blocks: [Block] = layout.blocks.compactMap { block in
            let text = block.text
            guard !text.isEmpty else { return nil }
            let box = bounds ? [block.bounds.x, block.bounds.y, block.bounds.width, block.bounds.height] : nil
            let confidence = ocrLines.isEmpty ? nil : Self.confidence(of: ocrLines, in: block.bounds)
            if case .table(let grid) = block.kind {
                var table = Table(columns: grid.columns, rows: grid.rows, footers: grid.footers, bounds: box)
                table.continued = grid.isContinuation
                table.confidence = confidence
                table.headerRows = grid.headerRows
                if semantic { tagCells(&table) }
                return .table(table)
            }
            var entry = entry(for: block, text: text, bounds: box, headings: headings, semantic: semantic)
            entry.confidence = confidence
            if styles != nil, let style = StyleRegistry.dominant(block, fontNames: layout.fontNames) {
                entry.style = styles?.id(for: style)
                entry.size = style.size
            }
            return .cluster(Cluster(entries: [entry], bounds: box, role: block.role?.rawValue))
        }
        return Section(index: layout.number - 1, width: layout.width, height: layout.height, blocks: blocks)
    }

    /// The mean confidence of the OCR lines whose centre lies in `bounds`, each weighted by its width (a long line
    /// says more about a paragraph than a stray mark); nil when none does.
    static func confidence(of lines: [OCRLine], in bounds: Rect) -> Double? {
        let inside = lines.filter { line in
            let (x, y) = (line.x + line.width / 2, line.y + line.height / 2)
            return x >= bounds.x - 1 && x <= bounds.maxX + 1 && y >= bounds.y - 1 && y <= bounds.maxY + 1
        }
        let weight = inside.reduce(0) { $0 + $1.width }
        guard weight > 0 else { return nil }
        let mean = inside.reduce(0) { $0 + $1.confidence * $1.width } / weight
        return (mean * 1_000).rounded() / 1_000
    }
}
