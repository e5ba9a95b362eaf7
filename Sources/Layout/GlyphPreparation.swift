import PDFText

/// A glyph reduced to what layout needs, in an upright frame where its text reads left to right, y down.
struct LayoutGlyph {
    var text: String
    var x: Double  // start along the line
    var end: Double  // x + advance
    var baseline: Double
    var top: Double
    var bottom: Double
    var size: Double
    var fontIndex: Int32
    var isSpace: Bool
    var sequence: Int32
}

/// Maps an upright frame back to display space.
struct OrientationFrame {
    var orientation: Int
    var pageWidth: Double
    var pageHeight: Double

    /// Display point → upright frame.
    func toUpright(_ x: Double, _ y: Double) -> (Double, Double) {
        switch orientation {
        case 90: (y, pageWidth - x)
        case 180: (pageWidth - x, pageHeight - y)
        case 270: (pageHeight - y, x)
        default: (x, y)
        }
    }

    /// Upright frame point → display space.
    func toDisplay(_ x: Double, _ y: Double) -> (Double, Double) {
        switch orientation {
        case 90: (pageWidth - y, x)
        case 180: (pageWidth - x, pageHeight - y)
        case 270: (y, pageHeight - x)
        default: (x, y)
        }
    }

    func toDisplay(_ rect: Rect) -> Rect {
        guard orientation != 0 else { return rect }
        let (x0, y0) = toDisplay(rect.x, rect.y)
        let (x1, y1) = toDisplay(rect.maxX, rect.maxY)
        return Rect(x: min(x0, x1), y: min(y0, y1), width: abs(x1 - x0), height: abs(y1 - y0))
    }

    func toDisplay(_ block: TextBlock) -> TextBlock {
        guard orientation != 0 else { return block }
        var result = block
        result.orientation = orientation
        result.bounds = toDisplay(block.bounds)
        for lineIndex in result.lines.indices {
            result.lines[lineIndex].bounds = toDisplay(result.lines[lineIndex].bounds)
            for wordIndex in result.lines[lineIndex].words.indices {
                result.lines[lineIndex].words[wordIndex].bounds = toDisplay(
                    result.lines[lineIndex].words[wordIndex].bounds
                )
            }
        }
        return result
    }
}

/// Turns a page's glyphs into upright layout glyphs, one group per writing orientation, expanding ligatures.
enum GlyphPreparation {
    struct Group {
        var frame: OrientationFrame
        var glyphs: [LayoutGlyph]
    }

    static func prepare(_ page: PageContent, options: LayoutOptions) -> [Group] {
        var groups: [Int: [LayoutGlyph]] = [:]
        var upright: [LayoutGlyph] = []  // orientation 0, the common case, kept out of the dictionary
        upright.reserveCapacity(page.glyphs.count)
        for glyph in page.glyphs where glyph.isMapped {
            if !options.keepInvisibleText, glyph.renderMode == 3 || glyph.renderMode == 7 { continue }
            let text = normalize(glyph.text)
            if text.isEmpty { continue }
            let orientation = orientation(of: glyph)
            let frame = OrientationFrame(orientation: orientation, pageWidth: page.width, pageHeight: page.height)
            let isSpace = isBlank(text)
            let (startX, baseline) = frame.toUpright(glyph.x, glyph.y)
            let box = uprightBox(glyph.box, frame: frame)
            let size = max(glyph.size, 0.1)
            let prepared = LayoutGlyph(
                text: text,
                x: startX,
                end: startX + max(glyph.advance, 0),
                baseline: baseline,
                top: min(box.y, baseline - size * 0.7),
                bottom: max(box.maxY, baseline),
                size: size,
                fontIndex: glyph.fontIndex,
                isSpace: isSpace,
                sequence: glyph.sequence
            )
            if orientation == 0 { upright.append(prepared) } else { groups[orientation, default: []].append(prepared) }
        }
        if !upright.isEmpty { groups[0] = upright }
        // Most glyphs first, so the page's main text leads; ties by orientation for determinism.
        return groups.sorted { ($0.value.count, -$0.key) > ($1.value.count, -$1.key) }.map { entry in
            Group(
                frame: OrientationFrame(orientation: entry.key, pageWidth: page.width, pageHeight: page.height),
                glyphs: entry.value
            )
        }
    }

    /// Whether the text is only white space (ASCII fast path; other scalars by their Unicode properties).
    static func isBlank(_ text: String) -> Bool {
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x09 { continue }
            if byte < 0x80 { return false }
            return text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
        }
        return true
    }

    private static func orientation(of glyph: Glyph) -> Int {
        let dx = glyph.directionX
        let dy = glyph.directionY
        if abs(dx) >= abs(dy) { return dx >= 0 ? 0 : 180 }
        return dy > 0 ? 90 : 270
    }

    private static func uprightBox(_ box: Rect, frame: OrientationFrame) -> Rect {
        let (x0, y0) = frame.toUpright(box.x, box.y)
        let (x1, y1) = frame.toUpright(box.maxX, box.maxY)
        return Rect(x: min(x0, x1), y: min(y0, y1), width: abs(x1 - x0), height: abs(y1 - y0))
    }

    /// Expands ligatures, turns Arabic presentation forms into the letters they show, drops control characters.
    static func normalize(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFB00: scalars.append(contentsOf: "ff".unicodeScalars)
            case 0xFB01: scalars.append(contentsOf: "fi".unicodeScalars)
            case 0xFB02: scalars.append(contentsOf: "fl".unicodeScalars)
            case 0xFB03: scalars.append(contentsOf: "ffi".unicodeScalars)
            case 0xFB04: scalars.append(contentsOf: "ffl".unicodeScalars)
            case 0xFB05, 0xFB06: scalars.append(contentsOf: "st".unicodeScalars)
            case 0x09, 0x0A, 0x0D, 0xA0: scalars.append(" ")
            case 0..<0x20, 0x7F, 0xFFFD, 0xFEFF: continue
            case 0xFB50...0xFBFF, 0xFE80...0xFEFC:
                if let letters = ArabicPresentationForms.letters(of: scalar.value) {
                    scalars.append(contentsOf: letters)
                } else {
                    scalars.append(scalar)
                }
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
