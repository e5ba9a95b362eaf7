import PDFText

/// Groups upright glyphs into lines: rows of glyphs sharing a baseline, split at column-sized gaps, with word
/// breaks from the gaps between glyphs and explicit spaces.
enum LineBuilder {
    private struct Row {
        var baseline: Double
        var size: Double
        var members: [Int]
    }

    static func lines(from glyphs: [LayoutGlyph], fonts: [FontInfo], options: LayoutOptions = LayoutOptions()) -> [TextLine] {
        guard !glyphs.isEmpty else { return [] }
        let order = glyphs.indices.sorted {
            let a = glyphs[$0]
            let b = glyphs[$1]
            if a.baseline != b.baseline { return a.baseline < b.baseline }
            if a.x != b.x { return a.x < b.x }
            return a.sequence < b.sequence
        }
        var finished: [Row] = []
        var active: [Row] = []
        for index in order {
            let glyph = glyphs[index]
            // Rows far above can take no more glyphs.
            if !active.isEmpty {
                var kept: [Row] = []
                for row in active {
                    if glyph.baseline - row.baseline > max(row.size, glyph.size) { finished.append(row) } else { kept.append(row) }
                }
                active = kept
            }
            var best: Int?
            var bestDistance = Double.infinity
            for (rowIndex, row) in active.enumerated() {
                let distance = abs(glyph.baseline - row.baseline)
                let tolerance = 0.5 * min(max(row.size, glyph.size), 2 * min(row.size, glyph.size))
                if distance <= tolerance, distance < bestDistance {
                    best = rowIndex
                    bestDistance = distance
                }
            }
            if let best {
                active[best].members.append(index)
                if glyph.size > active[best].size * 1.05, !glyph.isSpace {
                    active[best].size = glyph.size
                    active[best].baseline = glyph.baseline
                }
            } else {
                active.append(Row(baseline: glyph.baseline, size: glyph.size, members: [index]))
            }
        }
        finished.append(contentsOf: active)

        var lines: [TextLine] = []
        for row in finished {
            let members = row.members.sorted {
                glyphs[$0].x != glyphs[$1].x ? glyphs[$0].x < glyphs[$1].x : glyphs[$0].sequence < glyphs[$1].sequence
            }
            var fragment: [Int] = []
            var lastEnd = -Double.infinity
            for index in members {
                let glyph = glyphs[index]
                if !fragment.isEmpty, glyph.x - lastEnd > options.columnGap * max(row.size, glyph.size) {
                    if let line = makeLine(fragment, glyphs: glyphs, fonts: fonts, options: options) { lines.append(line) }
                    fragment.removeAll()
                    lastEnd = -Double.infinity
                }
                if glyph.isSpace && fragment.isEmpty { continue }
                fragment.append(index)
                if !glyph.isSpace { lastEnd = max(lastEnd, glyph.end) }
            }
            if let line = makeLine(fragment, glyphs: glyphs, fonts: fonts, options: options) { lines.append(line) }
        }
        return lines
    }

    private static func makeLine(_ members: [Int], glyphs: [LayoutGlyph], fonts: [FontInfo], options: LayoutOptions) -> TextLine? {
        var words: [Word] = []
        var text = ""
        var bounds: Rect?
        var lastEnd = -Double.infinity
        var sizes: [Double: Int] = [:]
        var fontVotes: [Int32: Int] = [:]
        var wordSize = 0.0

        func flush() {
            guard let wordBounds = bounds, !text.isEmpty else {
                text = ""
                bounds = nil
                fontVotes.removeAll()
                return
            }
            let font = fontVotes.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }.map {
                Int($0.key) >= 0 && Int($0.key) < fonts.count ? fonts[Int($0.key)] : nil
            } ?? nil
            words.append(
                Word(
                    text: text,
                    bounds: wordBounds,
                    fontSize: wordSize,
                    isBold: font?.isBold ?? false,
                    isItalic: font?.isItalic ?? false,
                    isMonospace: font?.isMonospace ?? false
                )
            )
            text = ""
            bounds = nil
            fontVotes.removeAll()
            wordSize = 0
        }

        for index in members {
            let glyph = glyphs[index]
            if glyph.isSpace {
                flush()
                continue
            }
            if !text.isEmpty, glyph.x - lastEnd > options.wordGap * glyph.size {
                flush()
            }
            text += glyph.text
            let box = Rect(x: glyph.x, y: glyph.top, width: max(glyph.end - glyph.x, 0), height: glyph.bottom - glyph.top)
            bounds = bounds.map { $0.union(box) } ?? box
            lastEnd = max(glyph.end, text.count == glyph.text.count ? glyph.end : lastEnd)
            wordSize = max(wordSize, glyph.size)
            sizes[(glyph.size * 2).rounded() / 2, default: 0] += glyph.text.count
            fontVotes[glyph.fontIndex, default: 0] += 1
        }
        flush()
        guard !words.isEmpty else { return nil }
        let lineBounds = words.dropFirst().reduce(words[0].bounds) { $0.union($1.bounds) }
        let dominantSize = sizes.max { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }?.key ?? words[0].fontSize
        let isRightToLeft = Bidi.isRightToLeft(words)
        if isRightToLeft { words = Bidi.logicalOrder(words) }
        return TextLine(words: words, bounds: lineBounds, fontSize: dominantSize, isRightToLeft: isRightToLeft)
    }
}
