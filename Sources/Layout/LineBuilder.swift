import PDFText

/// Groups upright glyphs into lines, with word breaks from the gaps between glyphs and explicit spaces.
enum LineBuilder {
    /// A line being built: its glyphs in stream order and where the next glyph is expected.
    private struct OpenLine {
        var members: [Int]
        var baseline: Double
        var size: Double
        var lastEnd: Double
        var lastStart: Double
    }

    /// Chains glyphs in content-stream order: a glyph continues the current line when it sits on (or just above
    /// or below, for sub- and superscripts) the line's baseline and follows it without a column-sized gap.
    /// Producers write most text in reading order, so this keeps formulas, sub- and superscripts and table rows
    /// together; a line that the stream revisits later stays a separate line.
    static func lines(
        from glyphs: [LayoutGlyph],
        fonts: [FontInfo],
        options: LayoutOptions = LayoutOptions()
    ) -> [TextLine] {
        guard !glyphs.isEmpty else { return [] }
        // Glyphs arrive in content-stream order (GlyphPreparation keeps it).
        var lines: [TextLine] = []
        var fragments: [[Int]] = []
        var line = OpenLine(members: [], baseline: 0, size: 0, lastEnd: 0, lastStart: 0)
        line.members.reserveCapacity(256)
        for index in glyphs.indices {
            let glyph = glyphs[index]
            if let previous = line.members.last {
                let size = max(line.size, glyph.size)
                // Fake bold: the glyph just drawn, drawn again a hair to the side — nearer where it began than where
                // it ended, so that a doubled narrow letter ("ll" at 9 pt, 1.8 pt apart) stays two letters.
                let last = glyphs[previous]
                if !glyph.isSpace, abs(last.x - glyph.x) < 0.2 * size, abs(last.baseline - glyph.baseline) < 0.2 * size,
                    abs(glyph.x - last.x) < abs(glyph.x - last.end), last.text == glyph.text
                {
                    continue
                }
                let sameRow = abs(glyph.baseline - line.baseline) <= 0.5 * size
                let forward = glyph.x >= line.lastStart - 0.1 * size && glyph.x >= line.lastEnd - 0.6 * size
                let near = glyph.x - line.lastEnd <= options.columnGap * size
                if sameRow && forward && (near || glyph.isSpace) {
                    // `line` is the only owner of its members, so this appends in place.
                    line.members.append(index)
                    if !glyph.isSpace {
                        line.lastEnd = max(line.lastEnd, glyph.end)
                        line.lastStart = glyph.x
                        if glyph.size > line.size * 1.05 {
                            line.size = glyph.size
                            line.baseline = glyph.baseline
                        }
                    }
                    continue
                }
                fragments.append(line.members)
                line.members.removeAll(keepingCapacity: true)
            }
            if glyph.isSpace { continue }
            line.members.append(index)
            line.baseline = glyph.baseline
            line.size = glyph.size
            line.lastEnd = glyph.end
            line.lastStart = glyph.x
        }
        if !line.members.isEmpty { fragments.append(line.members) }
        for members in joiningRightToLeftRuns(fragments, glyphs: glyphs, options: options) {
            if let built = makeLine(members, glyphs: glyphs, fonts: fonts, options: options) { lines.append(built) }
        }
        return withoutRepeatedLines(lines)
    }

    /// Past a space character, the room (in ems) that parts two words: any at all.
    static let drawnSpace = 0.0

    /// A glyph standing for a few right-to-left letters (a lam-alef, a letter with its vowel mark), nothing
    /// left-to-right in it: not a replacement text spanning words (`/ActualText`), which is kept as it is.
    private static func isRightToLeftLigature(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        return scalars.count > 1 && scalars.count <= 4 && scalars.contains(where: Bidi.isStrongRightToLeft)
            && !scalars.contains(where: { Bidi.isStrongLeftToRight($0) || $0.properties.isWhitespace })
    }

    /// Joins consecutive fragments of one right-to-left line: office suites draw a right-to-left line run by run
    /// from its right end (each run left to right, a number between them as a run of its own), so the stream jumps
    /// back at every run. Fragments on one baseline that touch and hold right-to-left letters become one line in
    /// visual order, which the line's bidirectional pass then puts into logical order.
    private static func joiningRightToLeftRuns(
        _ fragments: [[Int]],
        glyphs: [LayoutGlyph],
        options: LayoutOptions
    ) -> [[Int]] {
        // Right-to-left scripts start at U+0590 (UTF-8 lead byte 0xD6): a page without any is left as it is.
        guard glyphs.contains(where: { ($0.text.utf8.first ?? 0) >= 0xD6 }) else { return fragments }
        func isRightToLeft(_ members: [Int]) -> Bool {
            members.contains { glyphs[$0].text.unicodeScalars.contains(where: Bidi.isStrongRightToLeft) }
        }
        // Latin (or any left-to-right) letters keep their fragment apart: only right-to-left runs and the numbers
        // and punctuation between them are joined.
        func hasLeftToRight(_ members: [Int]) -> Bool {
            members.contains { glyphs[$0].text.unicodeScalars.contains(where: Bidi.isStrongLeftToRight) }
        }
        func extent(_ members: [Int]) -> (start: Double, end: Double, baseline: Double, size: Double) {
            let printed = members.filter { !glyphs[$0].isSpace }
            let anchor = glyphs[printed.first ?? members[0]]
            return (
                printed.map { glyphs[$0].x }.min() ?? anchor.x, printed.map { glyphs[$0].end }.max() ?? anchor.end,
                anchor.baseline, printed.map { glyphs[$0].size }.max() ?? anchor.size
            )
        }
        var result: [[Int]] = []
        for fragment in fragments {
            if let previous = result.last {
                let a = extent(previous)
                let b = extent(fragment)
                let size = max(a.size, b.size)
                let gap = max(b.start - a.end, a.start - b.end)
                if abs(a.baseline - b.baseline) <= 0.2 * size, abs(a.size - b.size) <= 0.1 * size,
                    gap <= options.columnGap * size, gap >= -0.3 * size, !hasLeftToRight(previous),
                    !hasLeftToRight(fragment), isRightToLeft(previous) || isRightToLeft(fragment)
                {
                    result[result.count - 1] = (previous + fragment).sorted { glyphs[$0].x < glyphs[$1].x }
                    continue
                }
            }
            result.append(fragment)
        }
        return result
    }

    /// Drops a line that repeats an earlier one at (almost) the same place: text over-printed as a whole to
    /// look bold or to fake a shadow.
    private static func withoutRepeatedLines(_ lines: [TextLine]) -> [TextLine] {
        var seen: [String: [Rect]] = [:]
        var result: [TextLine] = []
        result.reserveCapacity(lines.count)
        for line in lines {
            let text = line.text
            let tolerance = max(0.2 * line.fontSize, 0.5)
            if let earlier = seen[text],
                earlier.contains(where: {
                    abs($0.x - line.bounds.x) < tolerance && abs($0.maxY - line.bounds.maxY) < tolerance
                })
            {
                continue
            }
            seen[text, default: []].append(line.bounds)
            result.append(line)
        }
        return result
    }

    private static func makeLine(
        _ members: [Int],
        glyphs: [LayoutGlyph],
        fonts: [FontInfo],
        options: LayoutOptions
    ) -> TextLine? {
        var words: [Word] = []
        var text = ""
        var bounds: Rect?
        var lastEnd = -Double.infinity
        var sizes: [(size: Double, count: Int)] = []
        var wordFont: Int32 = -1
        var wordSize = 0.0

        func flush() {
            guard let wordBounds = bounds, !text.isEmpty else {
                text = ""
                bounds = nil
                wordFont = -1
                return
            }
            let font = wordFont >= 0 && Int(wordFont) < fonts.count ? fonts[Int(wordFont)] : nil
            words.append(
                Word(
                    text: text,
                    bounds: wordBounds,
                    fontSize: wordSize,
                    isBold: font?.isBold ?? false,
                    isItalic: font?.isItalic ?? false,
                    isMonospace: font?.isMonospace ?? false,
                    fontIndex: Int(wordFont)
                )
            )
            text = ""
            bounds = nil
            wordFont = -1
            wordSize = 0
        }

        // Words are read in visual order and reversed into logical order when the line runs right to left; a
        // glyph that stands for several letters (a lam-alef ligature, "لا") holds them in logical order already,
        // so in such a line it is put in visual order here and comes out right after the reversal.
        // Right-to-left scripts start at U+0590, whose UTF-8 lead byte is 0xD6: most lines need no count at all.
        let rightToLeft =
            members.contains { (glyphs[$0].text.utf8.first ?? 0) >= 0xD6 }
            && Bidi.isRightToLeft(texts: members.lazy.map { glyphs[$0].text })
        var spaced = false
        for index in members {
            let glyph = glyphs[index]
            if glyph.isSpace {
                spaced = true
                continue
            }
            // A space character parts words where it leaves room; one drawn into the glyph before it (a kerning
            // move after it: "PA TTERNS" set as "PA", " ", "TTERNS") parts nothing on the page.
            if !text.isEmpty,
                glyph.x - lastEnd > (spaced ? Self.drawnSpace : options.wordGap) * glyph.size
            {
                flush()
            }
            spaced = false
            if rightToLeft, isRightToLeftLigature(glyph.text) {
                text += String(glyph.text.reversed())
            } else {
                text += glyph.text
            }
            let box = Rect(
                x: glyph.x,
                y: glyph.top,
                width: max(glyph.end - glyph.x, 0),
                height: glyph.bottom - glyph.top
            )
            bounds = bounds.map { $0.union(box) } ?? box
            lastEnd = glyph.end
            wordSize = max(wordSize, glyph.size)
            let rounded = (glyph.size * 2).rounded() / 2
            if let index = sizes.firstIndex(where: { $0.size == rounded }) {
                sizes[index].count += 1
            } else {
                sizes.append((rounded, 1))
            }
            if wordFont < 0 { wordFont = glyph.fontIndex }
        }
        flush()
        guard !words.isEmpty else { return nil }
        let lineBounds = words.dropFirst().reduce(words[0].bounds) { $0.union($1.bounds) }
        let dominantSize =
            sizes.max { $0.count != $1.count ? $0.count < $1.count : $0.size < $1.size }?.size ?? words[0].fontSize
        let isRightToLeft = Bidi.isRightToLeft(words)
        if isRightToLeft { words = Bidi.logicalOrder(words) }
        return TextLine(words: words, bounds: lineBounds, fontSize: dominantSize, isRightToLeft: isRightToLeft)
    }
}
