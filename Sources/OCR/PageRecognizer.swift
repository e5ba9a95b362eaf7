import DocumentModel
import PDFText

/// Reads the images of pages without a usable text layer with Tesseract and adds their words to the page as glyphs,
/// so lines, blocks, tables, key/values and headings are found in scans as in any PDF.
public enum PageRecognizer {
    /// The resolution images are read at: a finer scan is reduced to it (Tesseract gains nothing above it).
    static let targetDPI = 300.0
    /// Images smaller than this on the page (in points, either side) are logos and rules, not text.
    static let minimumSide = 72.0
    /// Words a page must hold for `auto` to tell the document's language by.
    static let minimumWordsToTell = 20

    /// Adds OCR glyphs to `pages` under `mode`; returns what was done, or nil when no page needed OCR.
    ///
    /// - Throws: ``PDFError`` when an image's decoded samples exceed the document's byte limits.
    public static func recognize(
        _ pages: inout [PageContent],
        in document: PDFDocument,
        mode: OCRMode,
        languages: [String]
    ) throws -> OCRReport? {
        let wanted = pages.indices.filter { willRead(pages[$0], mode: mode) }
        guard !wanted.isEmpty else { return nil }
        let codes = languages.filter { $0 != OCRLanguage.automatic && OCRLanguage.isValid($0) }
        var languageSet = codes.isEmpty ? "eng" : codes.joined(separator: "+")
        guard let version = TextRecognizer.version, var recognizer = TextRecognizer(languages: languageSet) else {
            var report = OCRReport(engine: OCRReport.unavailableEngine, languages: languageSet)
            report.unreadPages = wanted.map { pages[$0].number }
            return report
        }
        var telling = languages.contains(OCRLanguage.automatic)
        var summary = OCRReport(engine: "tesseract \(version)", languages: languageSet)
        for index in wanted {
            guard var read = try read(pages[index], in: document, with: recognizer) else {
                summary.unreadPages.append(pages[index].number)
                continue
            }
            // `auto`: the first page with words enough tells the document's language; when it is not among those
            // asked for and its data is installed, it goes first, and that page is read again.
            if telling, read.words.count >= minimumWordsToTell {
                telling = false
                if let language = DocumentLanguage.ofScan(words: read.words.map(\.text)),
                    !recognizer.languages.contains(language.tesseractCode),
                    let chosen = TextRecognizer(languages: language.tesseractCode + "+" + languageSet),
                    let again = try self.read(pages[index], in: document, with: chosen)
                {
                    (recognizer, read) = (chosen, again)
                    languageSet = chosen.languages.joined(separator: "+")
                    summary.languages = languageSet
                }
            }
            pages[index] = read.page
            summary.lines += read.lines
            let confidences = read.words.map(\.confidence)
            let mean = confidences.isEmpty ? 0 : confidences.reduce(0, +) / Double(confidences.count)
            summary.pages.append(pages[index].number)
            summary.confidences.append((mean * 1_000).rounded() / 1_000)
        }
        return summary
    }

    /// `page` with the words `recognizer` reads in its images added, the words and the lines they make; nil when
    /// none of its images could be decoded.
    static func read(
        _ page: PageContent,
        in document: PDFDocument,
        with recognizer: TextRecognizer
    ) throws -> (page: PageContent, words: [RecognizedWord], lines: [OCRLine])? {
        var page = page
        var (words, lines, decoded) = ([RecognizedWord](), [OCRLine](), false)
        for image in candidates(page) {
            // Too many pixels to read is known before anything is decoded.
            guard image.pixelWidth * image.pixelHeight <= GrayImage.maxPixels,
                let samples = try document.imageSamples(image.object), let gray = GrayImage(samples)
            else {
                continue
            }
            decoded = true
            let bounds = image.bounds
            let dpi = Double(gray.width) / (bounds.width / 72)
            let factor = max(1, Int((dpi / targetDPI).rounded(.up)))
            let reduced = gray.reduced(by: factor)
            // A sliver (an image wider than its pixels say, reduced to nothing) holds no words.
            guard reduced.width >= 16, reduced.height >= 16 else { continue }
            let scan = reduced.levelled().image
            let found = recognizer.pageWords(in: scan, dpi: max(70, Int((dpi / Double(factor)).rounded())))
            words += found
            lines += add(found, of: scan, placed: image, to: &page)
        }
        return decoded ? (page, words, lines) : nil
    }

    /// Whether `page` is a scan: no text layer, and an image large enough to hold text.
    public static func needsOCR(_ page: PageContent) -> Bool { !page.hasTextLayer && !candidates(page).isEmpty }

    /// Whether OCR under `mode` reads `page`: a scan under `auto`, any page with an image that can hold text under
    /// `always`.
    public static func willRead(_ page: PageContent, mode: OCRMode) -> Bool {
        switch mode {
        case .never: return false
        case .auto: return needsOCR(page)
        case .always: return !candidates(page).isEmpty
        }
    }

    /// The page's images large enough to hold text.
    static func candidates(_ page: PageContent) -> [PlacedImage] {
        page.images.filter { image in
            let bounds = image.bounds
            return bounds.width >= minimumSide && bounds.height >= minimumSide && image.pixelWidth >= 200
                && image.pixelHeight >= 100
        }
    }

    /// Turns each word into one glyph per character spread over the word's box, on the baseline of its line, in the
    /// page's display space; words over text the page already has are left out. Returns the lines added, each with
    /// its box and its words' mean confidence.
    @discardableResult
    static func add(
        _ words: [RecognizedWord],
        of image: GrayImage,
        placed: PlacedImage,
        to page: inout PageContent
    ) -> [OCRLine] {
        guard !words.isEmpty else { return [] }
        let font = FontInfo(
            name: "OCR",
            isBold: false,
            isItalic: false,
            isMonospace: false,
            isVertical: false,
            kind: "ocr"
        )
        let fontIndex: Int32
        if let existing = page.fonts.firstIndex(of: font) {
            fontIndex = Int32(existing)
        } else {
            page.fonts.append(font)
            fontIndex = Int32(page.fonts.count - 1)
        }
        let existing = page.glyphs.map(\.box)
        var sequence = (page.glyphs.map(\.sequence).max() ?? -1) + 1
        let (width, height) = (Double(image.width), Double(image.height))
        /// A point of the image (pixels, top-left origin) in display space.
        func point(_ x: Double, _ y: Double) -> (x: Double, y: Double) {
            let mapped = placed.matrix.apply(x / width, 1 - y / height)
            return (mapped.0, mapped.1)
        }
        // What a line's box spans depends on its letters: descenders reach below the baseline, capitals and
        // ascenders above the x-height. The font size is the box's height over the share of it those letters cover.
        var lineText: [Int: String] = [:]
        for word in words { lineText[word.line, default: ""] += word.text }
        // Each line's box and confidences, in the order lines are first met.
        var lineOrder: [Int] = []
        var lineBoxes: [Int: (box: Rect, confidences: [Double])] = [:]
        for word in words {
            let topLeft = point(Double(word.left), Double(word.lineTop))
            let bottomRight = point(Double(word.left + word.width), Double(word.lineTop + word.lineHeight))
            let box = Rect(
                x: min(topLeft.x, bottomRight.x),
                y: min(topLeft.y, bottomRight.y),
                width: abs(bottomRight.x - topLeft.x),
                height: abs(bottomRight.y - topLeft.y)
            )
            guard box.width > 0, box.height > 0,
                !existing.contains(where: { overlap($0, box) > 0.5 * box.width * box.height })
            else { continue }
            if let known = lineBoxes[word.line] {
                lineBoxes[word.line] = (known.box.union(box), known.confidences + [word.confidence])
            } else {
                lineOrder.append(word.line)
                lineBoxes[word.line] = (box, [word.confidence])
            }
            let share = letterShare(lineText[word.line] ?? word.text)
            let size = box.height / share.size
            let baseline = box.maxY - size * share.descent
            let characters = Array(DashLength.named(word.text, width: box.width, size: size))
            let advance = box.width / Double(characters.count)
            for (offset, character) in characters.enumerated() {
                let x = box.x + advance * Double(offset)
                page.glyphs.append(
                    Glyph(
                        text: String(character),
                        x: x,
                        y: baseline,
                        advance: advance,
                        directionX: 1,
                        directionY: 0,
                        size: size,
                        box: Rect(x: x, y: box.y, width: advance, height: box.height),
                        fontIndex: fontIndex,
                        renderMode: 0,
                        isMapped: true,
                        isWordSpace: false,
                        sequence: sequence
                    )
                )
                sequence += 1
            }
        }
        return lineOrder.compactMap { line in
            guard let (box, confidences) = lineBoxes[line] else { return nil }
            let mean = confidences.reduce(0, +) / Double(confidences.count)
            return OCRLine(
                page: page.number,
                x: box.x,
                y: box.y,
                width: box.width,
                height: box.height,
                confidence: (mean * 1_000).rounded() / 1_000
            )
        }
    }

    /// The share of a line's font size its box spans, and the share below the baseline, from the letters it holds:
    /// descenders reach below the baseline, capitals, figures and ascenders above the x-height — and so do the dots
    /// of i and j and the marks over ä, é or ñ.
    static func letterShare(_ text: String) -> (size: Double, descent: Double) {
        let hasDescender = text.contains { "gjpqyQ,;()[]{}|/".contains($0) }
        let hasAscender = text.contains { character in
            character.isUppercase || character.isNumber || "bdfhklt'\"!?%&#@ij".contains(character)
                || character.unicodeScalars.count > 1
                || (character.unicodeScalars.first.map { $0.value >= 0xC0 && $0.properties.isLowercase } ?? false)
        }
        switch (hasAscender, hasDescender) {
        case (true, true): return (0.93, 0.21)
        case (true, false): return (0.72, 0)
        case (false, true): return (0.73, 0.21)
        case (false, false): return (0.52, 0)
        }
    }

    static func overlap(_ a: Rect, _ b: Rect) -> Double {
        max(0, min(a.maxX, b.maxX) - max(a.x, b.x)) * max(0, min(a.maxY, b.maxY) - max(a.y, b.y))
    }
}
