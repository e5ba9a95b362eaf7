import PDFText

/// Finds running headers, footers and page numbers: blocks in the top or bottom margin that repeat on at least
/// 40% of the pages (digits ignored, so "Page 2 of 4" matches "Page 3 of 4"), that read as a page number, or, on a
/// single page, a small-print last line in the bottom margin (or the first line of a two-page document's second page).
public enum PageFurniture {
    private enum Zone: Hashable {
        case top
        case bottom
    }

    private struct Candidate {
        var page: Int
        var block: Int
        var zone: Zone
        var key: String
    }

    static func mark(_ layouts: inout [PageLayout]) {
        var candidates: [Candidate] = []
        var pagesByKey: [String: Set<Int>] = [:]
        for (pageIndex, layout) in layouts.enumerated() {
            for (blockIndex, block) in layout.blocks.enumerated() where block.lines.count <= 3 {
                let zone: Zone
                if block.bounds.maxY <= 0.12 * layout.height {
                    zone = .top
                } else if block.bounds.y >= 0.88 * layout.height {
                    zone = .bottom
                } else {
                    continue
                }
                let key = (zone == .top ? "t|" : "b|") + normalizedKey(block.text)
                candidates.append(Candidate(page: pageIndex, block: blockIndex, zone: zone, key: key))
                pagesByKey[key, default: []].insert(pageIndex)
            }
        }
        let bodySize = StructureAnalyzer.bodySize(layouts)
        var sizesByKey: [String: [Double]] = [:]
        for candidate in candidates {
            sizesByKey[candidate.key, default: []].append(
                layouts[candidate.page].blocks[candidate.block].lines[0].fontSize
            )
        }
        let folioKeys = folioKeys(candidates, layouts)
        let numberedPages = Set(
            candidates.filter { isPageNumber(layouts[$0.page].blocks[$0.block].text) }.map(\.page)
        )
        for candidate in candidates {
            let block = layouts[candidate.page].blocks[candidate.block]
            let text = block.text
            var role: BlockRole?
            if isPageNumber(text) {
                role = .pageNumber
            } else if layouts.count > 1, let pages = pagesByKey[candidate.key]?.count, pages >= 2,
                // A line of many numbers (a table row at the top of each page) matches others by chance.
                candidate.key.filter({ $0 == "#" }).count < 4,
                Double(pages) >= 0.4 * Double(layouts.count),
                block.lines[0].fontSize <= 1.3 * (sizesByKey[candidate.key]?.sorted()[0] ?? 0)
            {
                // (A title on the first page that the running header repeats in small type is not furniture.)
                // Furniture repeats through the document; a running head that changes with the chapter is kept
                // as body text because it carries the section's title.
                role = candidate.zone == .top ? .header : .footer
            } else if folioKeys.contains(candidate.key) {
                // A running line with the page's number and more numbers besides ("GNU grep 3.8  2019-12-29  4")
                // is no table row: the number follows the page.
                role = candidate.zone == .top ? .header : .footer
            } else if candidate.zone == .bottom, isLowestBlock(candidate, layouts),
                block.lines.allSatisfy({ $0.fontSize < bodySize * 0.95 }), !isFootnote(text)
            {
                role = .footer
            } else if candidate.zone == .top, layouts.count == 2, candidate.page == 1, numberedPages.contains(1),
                block.lines.count == 1, isHighestBlock(candidate, layouts),
                block.lines[0].fontSize < bodySize * 0.95
            {
                // A running header left off the first page shows on one page only in a two-page document: a
                // small line above everything else on the numbered second page is one. (In a longer document
                // such a line on one page only is a chapter's running head, kept as body text, as above.)
                role = .header
            }
            layouts[candidate.page].blocks[candidate.block].role = role
        }
    }

    /// Keys of one-line blocks on three or more pages, and on at least 40% of them, that open or end with the page's
    /// own number: the number less the page's index is the same on all of them.
    private static func folioKeys(_ candidates: [Candidate], _ layouts: [PageLayout]) -> Set<String> {
        var offsets: [String: [Int?]] = [:]
        for candidate in candidates {
            let block = layouts[candidate.page].blocks[candidate.block]
            guard block.lines.count == 1 else { continue }
            let words = block.text.split(whereSeparator: \.isWhitespace)
            let number = words.count >= 2 ? (Int(words[words.count - 1]) ?? Int(words[0])) : nil
            offsets[candidate.key, default: []].append(number.map { $0 - candidate.page })
        }
        return Set(
            offsets.filter { _, offsets in
                offsets.count >= 3 && Double(offsets.count) >= 0.4 * Double(layouts.count)
                    && offsets.allSatisfy { $0 != nil && $0 == offsets[0] }
            }.keys
        )
    }

    private static func isHighestBlock(_ candidate: Candidate, _ layouts: [PageLayout]) -> Bool {
        let blocks = layouts[candidate.page].blocks
        let top = blocks[candidate.block].bounds.y
        return !blocks.enumerated().contains { $0.offset != candidate.block && $0.element.bounds.y < top - 1 }
    }

    private static func isLowestBlock(_ candidate: Candidate, _ layouts: [PageLayout]) -> Bool {
        let blocks = layouts[candidate.page].blocks
        let bottom = blocks[candidate.block].bounds.y
        return !blocks.enumerated().contains { $0.offset != candidate.block && $0.element.bounds.y > bottom + 1 }
    }

    private static let noteMarks: Set<Character> = [
        "*", "†", "‡", "§", "¶", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹",
    ]

    /// A note at the foot of the page: it opens with a reference mark (`*`, `†`, `¹`) or a short number followed by
    /// words (`1 Arrays are…`, `3 2020 estimate`), so it is body text the page refers to, not furniture.
    static func isFootnote(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        if noteMarks.contains(first) { return true }
        let words = text.split(whereSeparator: \.isWhitespace)
        guard words.count >= 3, let number = words.first, number.count <= 2, number.allSatisfy(\.isNumber) else {
            return false
        }
        return words[1].contains { $0.isLetter } || words[2].contains { $0.isLetter }
    }

    /// Lowercased, digits folded to `#`, whitespace collapsed.
    static func normalizedKey(_ text: String) -> String {
        var result = ""
        var lastWasSpace = false
        for character in text.lowercased() {
            if character.isWhitespace {
                if !lastWasSpace && !result.isEmpty { result.append(" ") }
                lastWasSpace = true
                continue
            }
            lastWasSpace = false
            if character.isNumber {
                if result.last != "#" { result.append("#") }
            } else {
                result.append(character)
            }
        }
        return result
    }

    private static let pageLabels: Set<String> = [
        "page", "seite", "pagina", "página", "p.", "pg.", "of", "von", "sur", "de", "di", "/",
    ]

    /// `3`, `- 3 -`, `2/6`, `Page 3`, `Page 3 of 7`, `Seite 3 von 7`, `iv`.
    public static func isPageNumber(_ text: String) -> Bool {
        guard text.utf8.count <= 40 else { return false }
        let dashes: Set<Character> = ["-", "–", "—"]
        let words = text.lowercased().split(whereSeparator: \.isWhitespace).flatMap(splitAtDigits).map { word in
            word.drop { dashes.contains($0) }.reversed().drop { dashes.contains($0) }.reversed()
        }.map { String($0) }.filter { !$0.isEmpty }
        guard !words.isEmpty, words.count <= 4 else { return false }
        func isNumber(_ word: String) -> Bool {
            if word.allSatisfy(\.isNumber) { return true }
            let parts = word.split(separator: "/", omittingEmptySubsequences: false)
            if parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) { return true }
            return word.count <= 4 && word.allSatisfy { "ivxlc".contains($0) }
        }
        let numbers = words.filter(isNumber).count
        // Two bare numbers of four digits ("2005 2010") are years over a table's columns, not "page 3 of 10".
        if numbers == 2, words.count == 2, words.allSatisfy({ $0.count >= 4 && $0.allSatisfy(\.isNumber) }) {
            return false
        }
        return (1...2).contains(numbers) && words.allSatisfy { isNumber($0) || pageLabels.contains($0) }
    }

    /// `page3` → `page`, `3`; `of7` → `of`, `7`: a page label run into its number, as a scan read without the space
    /// or a producer that printed none leaves it. Any other word stays whole (`x2` is no page number).
    private static func splitAtDigits(_ word: Substring) -> [Substring] {
        guard let digit = word.firstIndex(where: \.isNumber), digit > word.startIndex,
            word[digit...].allSatisfy(\.isNumber), pageLabels.contains(String(word[..<digit]))
        else { return [word] }
        return [word[..<digit], word[digit...]]
    }
}
