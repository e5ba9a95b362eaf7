import PDFText

/// What a block is in the document's structure.
public enum BlockKind: Sendable, Hashable {
    case paragraph
    /// The document title (first page, largest type); not a heading.
    case title
    /// A heading; level 1 is the highest. `number` is its visible section number (`2.3.1`), if any.
    case heading(level: Int, number: String?)
    case listItem(marker: String, level: Int)
    case table(TableGrid)
    /// A key and its value (both as printed).
    case keyValue(key: String, value: String)
}

/// Finds headings, the title and list items: splits blocks where the style changes or a list marker starts a line,
/// then classifies each block by size and weight against the body text and by numbering.
enum StructureAnalyzer {
    private struct StyleKey: Hashable, Comparable {
        var size: Double  // rounded to half points
        var bold: Bool
        static func < (lhs: StyleKey, rhs: StyleKey) -> Bool {
            lhs.size != rhs.size ? lhs.size > rhs.size : (lhs.bold && !rhs.bold)
        }
    }

    static func analyze(_ layouts: inout [PageLayout]) {
        for index in layouts.indices {
            RuledTableDetector.detect(&layouts[index])
            TableDetector.detect(&layouts[index])
            TableHeaderJoin.join(&layouts[index])
            layouts[index].blocks = layouts[index].blocks.flatMap { block in
                if case .table = block.kind { return [block] }
                return split(block)
            }
        }
        TableContinuation.link(&layouts)
        let body = bodySize(layouts)
        var candidates: [(page: Int, block: Int, style: StyleKey, number: String?)] = []
        var titleFound = false
        for page in layouts.indices { splitListedIdentifiers(&layouts[page]) }
        for page in layouts.indices {
            for index in layouts[page].blocks.indices {
                let block = layouts[page].blocks[index]
                guard block.role == nil, block.orientation == 0, block.kind == .paragraph else { continue }
                let line = block.lines[0]
                if block.lines.count == 1, let pair = KeyValueDetector.pair(in: line),
                    ListMarker.parse(line.text) == nil
                {
                    layouts[page].blocks[index].kind = .keyValue(key: pair.key, value: pair.value)
                    continue
                }
                let subsection = isSubsection(block, after: candidates.last?.number, body: body)
                if let marker = ListMarker.parse(line.text) ?? ListMarker.parseClause(line.text),
                    !(subsection || isHeadingStyled(block, body: body)) || !marker.isOrdered
                {
                    layouts[page].blocks[index].kind = .listItem(marker: marker.text, level: 1)
                    continue
                }
                if !titleFound, page == 0, isTitle(block, in: layouts[page], body: body) {
                    layouts[page].blocks[index].kind = .title
                    titleFound = true
                    continue
                }
                // A numbered heading may share its row with the next one in the other column.
                guard subsection || isHeading(block, body: body),
                    sectionNumber(block.text) != nil || !hasNeighbourOnSameRow(index, in: layouts[page])
                else { continue }
                let style = StyleKey(size: (line.fontSize * 2).rounded() / 2, bold: isBold(block))
                candidates.append((page, index, style, sectionNumber(block.text)))
            }
        }
        assignLevels(candidates.map { ($0.style, $0.number) }).enumerated().forEach { offset, level in
            let candidate = candidates[offset]
            layouts[candidate.page].blocks[candidate.block].kind = .heading(level: level, number: candidate.number)
        }
        if !layouts.isEmpty { demoteSubtitle(&layouts[0]) }
        for page in layouts.indices {
            assignListLevels(&layouts[page])
            pairStackedLabels(&layouts[page])
        }
    }

    /// A line right under the title, ranked below the heading that comes straight after it ("Product data sheet",
    /// "Company – Policies and procedures" under the document's name), heads no section of its own: it is the title's
    /// subtitle, kept as text. A heading with text under it ("Abstract") or with a number stays a heading.
    private static func demoteSubtitle(_ layout: inout PageLayout) {
        let order = layout.blocks.indices.filter { layout.blocks[$0].role == nil }
        guard let title = order.firstIndex(where: { layout.blocks[$0].kind == .title }),
            title + 2 < order.count,
            case .heading(let level, nil) = layout.blocks[order[title + 1]].kind,
            case .heading(let next, _) = layout.blocks[order[title + 2]].kind,
            next < level
        else { return }
        layout.blocks[order[title + 1]].kind = .paragraph
    }

    /// A line listing identifiers each with its own label (`IBAN … · BIC …`), or pairs set side by side, becomes one
    /// pair per identifier.
    private static func splitListedIdentifiers(_ layout: inout PageLayout) {
        layout.blocks = layout.blocks.flatMap { block -> [TextBlock] in
            guard block.role == nil, block.orientation == 0, block.kind == .paragraph, block.lines.count == 1 else {
                return [block]
            }
            var pairs = KeyValueDetector.listedIdentifiers(in: block.lines[0])
            if pairs.isEmpty { pairs = KeyValueDetector.sideBySide(in: block.lines[0]) }
            guard !pairs.isEmpty else { return [block] }
            return pairs.map { pair in
                var split = block
                split.kind = .keyValue(key: pair.key, value: pair.value)
                return split
            }
        }
    }

    /// A one-row table of labels over values, and a label block directly above its value block, become pairs.
    private static func pairStackedLabels(_ layout: inout PageLayout) {
        var result: [TextBlock] = []
        var index = 0
        while index < layout.blocks.count {
            let block = layout.blocks[index]
            // A "header" holding an amount is the first pair ("TOTAL | EUR 44.95"): column names hold no values.
            if case .table(let grid) = block.kind, grid.columns.count == 2,
                grid.columns.allSatisfy(\.isEmpty)
                    || (grid.columns[0].first?.isLetter == true && grid.columns[1].contains(where: \.isNumber)),
                !grid.hasColumnRulings,
                grid.rows.allSatisfy({ $0[0].first?.isLetter == true }),
                case let lines = ([grid.columns] + grid.rows + grid.footers.map(\.cells)).filter({
                    !$0.allSatisfy(\.isEmpty)
                }),
                !TableDetector.isPricedList(lines.map { ($0[0], $0[1]) })
            {
                // Two columns without a header or column rulings, labels on the left: a group of pairs (the totals
                // of a receipt under a rule), unless they are priced items and their total.
                for row in lines where !row[1].isEmpty {
                    var pair = block
                    pair.kind = .keyValue(key: row[0], value: row[1])
                    result.append(pair)
                }
                index += 1
                continue
            }
            // A one-row table of labels over values is a group of pairs, unless a caption names it a table (its
            // first row, the rest on the next page).
            if case .table(let grid) = block.kind, grid.rows.count == 1, grid.footers.isEmpty, !grid.hasColumnRulings,
                grid.columns.allSatisfy({ !$0.isEmpty && $0.contains(where: \.isLetter) }),
                !(result.last.map { $0.kind == .paragraph && TableDetector.isCaption($0.text) } ?? false)
            {
                for (key, value) in zip(grid.columns, grid.rows[0]) where !value.isEmpty {
                    var pair = block
                    pair.kind = .keyValue(key: key, value: value)
                    result.append(pair)
                }
                index += 1
                continue
            }
            if block.kind == .paragraph, block.role == nil, index + 1 < layout.blocks.count,
                layout.blocks[index + 1].kind == .paragraph, layout.blocks[index + 1].role == nil,
                let pair = KeyValueDetector.stacked(block, layout.blocks[index + 1])
            {
                var merged = block
                merged.lines += layout.blocks[index + 1].lines
                merged.bounds = block.bounds.union(layout.blocks[index + 1].bounds)
                merged.kind = .keyValue(key: pair.key, value: pair.value)
                result.append(merged)
                index += 2
                continue
            }
            result.append(block)
            index += 1
        }
        layout.blocks = result
    }

    // MARK: - Splitting

    /// Splits a block before a line that starts a list item and where the style changes (a bold heading line
    /// directly above its paragraph).
    private static func split(_ block: TextBlock) -> [TextBlock] {
        guard block.lines.count > 1 else { return [block] }
        var result: [TextBlock] = []
        var current: [TextLine] = []
        // Whether each line is a pair or starts a list item, computed once per line.
        let pairs = block.lines.map { KeyValueDetector.pair(in: $0) != nil }
        let items = block.lines.indices.map { index -> Bool in
            let line = block.lines[index]
            if let marker = ListMarker.parse(line.text), !marker.isOrdered { return true }
            guard ListMarker.parse(line.text) != nil || ListMarker.parseClause(line.text) != nil else { return false }
            // A number at the start of a line right after a full line that runs on ("…consumption reached" /
            // "277.0 MWh.") is the sentence wrapping, not a numbered item.
            guard index > 0 else { return true }
            let previous = block.lines[index - 1]
            let full = previous.bounds.maxX >= block.bounds.maxX - 3 * previous.fontSize
            let ended = previous.text.last.map { ".:;!?)".contains($0) } ?? true
            return !full || ended
        }
        var currentStart = 0
        for (index, line) in block.lines.enumerated() {
            if let previous = current.last {
                let startsItem = items[index] || pairs[index] || pairs[index - 1]
                // A list item's continuation lines hang under its text; a line back at the marker ends the item.
                let leavesItem = items[currentStart] && line.bounds.x <= current[0].bounds.x + 0.5 * line.fontSize
                let styleChanges = isBold(previous) != isBold(line) || abs(previous.fontSize - line.fontSize) > 0.6
                if startsItem || styleChanges || leavesItem {
                    result.append(makeBlock(current, like: block))
                    current = []
                    currentStart = index
                }
            }
            current.append(line)
        }
        result.append(makeBlock(current, like: block))
        return result
    }

    private static func makeBlock(_ lines: [TextLine], like block: TextBlock) -> TextBlock {
        var copy = block
        copy.lines = lines
        copy.bounds = lines.dropFirst().reduce(lines[0].bounds) { $0.union($1.bounds) }
        return copy
    }

    // MARK: - Classification

    private static func isBold(_ line: TextLine) -> Bool {
        let bold = line.words.reduce(0) { $0 + ($1.isBold ? $1.text.count : 0) }
        let total = line.words.reduce(0) { $0 + $1.text.count }
        return total > 0 && bold * 10 >= total * 8
    }

    private static func isBold(_ block: TextBlock) -> Bool { block.lines.allSatisfy(isBold) }

    private static func isHeadingStyled(_ block: TextBlock, body: Double) -> Bool {
        let size = block.lines[0].fontSize
        return size >= body * 1.12 || (isBold(block) && size >= body * 0.95)
            || (size >= body * 0.95 && isNumberedSectionLine(block))
    }

    /// A line alone in its block that opens with a section number of two levels or more and a capitalised title
    /// ("2.1 Renewals", "4.3.2 Ventilation"): a heading even when its type tells nothing (a scan read by OCR has
    /// no bold). A sentence, a label, a list of contents (a page number last) or a long clause is not.
    private static func isNumberedSectionLine(_ block: TextBlock) -> Bool {
        guard block.lines.count == 1 else { return false }
        let words = block.lines[0].text.split(separator: " ")
        guard (2...8).contains(words.count), let number = words.first, let first = words.dropFirst().first,
            let last = words.last, first.first?.isUppercase == true, !last.allSatisfy(\.isNumber),
            !(block.lines[0].text.last.map { ".,:;".contains($0) } ?? true)
        else { return false }
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        let levels = parts.last?.isEmpty == true ? parts.dropLast() : parts[...]
        return levels.count >= 2 && levels.allSatisfy { !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(\.isNumber) }
    }

    /// A bold line numbered one level under the heading before it ("2.1.1 Drive profiles" after "2.1 Savings"), or
    /// next to it at its level: a heading even when set a little smaller than the body text, never a list item.
    private static func isSubsection(_ block: TextBlock, after previous: String?, body: Double) -> Bool {
        guard let previous, block.lines.count == 1, isBold(block), block.lines[0].fontSize >= body * 0.85,
            let number = sectionNumber(block.text), number.contains("."), !number.hasPrefix("§")
        else { return false }
        let text = block.text
        guard text.split(separator: " ").count <= 14, !(text.last.map { ".,:;".contains($0) } ?? true) else {
            return false
        }
        let parent = { (number: String) in number.split(separator: ".").dropLast().joined(separator: ".") }
        return parent(number) == previous || (parent(number) == parent(previous) && number != previous)
    }

    private static func isHeading(_ block: TextBlock, body: Double) -> Bool {
        guard block.lines.count <= 3, isHeadingStyled(block, body: body) else { return false }
        let text = block.text
        guard text.count >= 2, text.count <= 160, text.contains(where: \.isLetter) else { return false }
        if text.hasSuffix(":") || text.hasSuffix(",") || text.hasSuffix(";") { return false }
        // A sentence is no heading, whatever its type: a report's note set larger than its tables' body text.
        if text.hasSuffix("."), text.split(separator: " ").count >= 8 { return false }
        // A label and its value ("Invoice no.: 123") or a table row of bold cells is not a heading.
        if text.includes(": ") { return false }
        for line in block.lines where line.words.count > 1 {
            for index in 1..<line.words.count
            where line.words[index].bounds.x - line.words[index - 1].bounds.maxX > 2.5 * line.fontSize {
                return false
            }
        }
        return true
    }

    /// A heading stands alone on its row: text of the same style beside it makes it a table header cell or one
    /// of a pair of labels (body text beside it is the next column of a two-column page).
    private static func hasNeighbourOnSameRow(_ index: Int, in layout: PageLayout) -> Bool {
        let heading = layout.blocks[index].lines[0]
        let line = heading.bounds
        for (other, block) in layout.blocks.enumerated() where other != index && block.role == nil {
            for candidate in block.lines
            where isBold(candidate) == isBold(heading) && abs(candidate.fontSize - heading.fontSize) < 0.6 {
                let bounds = candidate.bounds
                let verticalOverlap = min(bounds.maxY, line.maxY) - max(bounds.y, line.y)
                let apart = bounds.x >= line.maxX || bounds.maxX <= line.x
                if apart && verticalOverlap > 0.5 * min(bounds.height, line.height) { return true }
            }
        }
        return false
    }

    private static func isTitle(_ block: TextBlock, in layout: PageLayout, body: Double) -> Bool {
        guard block.lines.count <= 3, block.bounds.y < layout.height * 0.4 else { return false }
        let size = block.lines[0].fontSize
        guard size >= body * 1.4 else { return false }
        // The largest type on the page.
        return !layout.blocks.contains { $0.role == nil && $0.lines[0].fontSize > size + 0.5 }
    }

    /// `2.3.1` from `2.3.1 Scope`, `§ 4` from `§ 4 Data protection`, `3` from `3. Results`.
    static func sectionNumber(_ text: String) -> String? {
        let words = text.split(separator: " ", maxSplits: 2)
        guard let first = words.first else { return nil }
        if first == "§", words.count > 1, words[1].allSatisfy(\.isNumber) { return "§ " + words[1] }
        var token = first
        if token.hasSuffix(".") { token = token.dropLast() }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= 6,
            parts.allSatisfy({
                !$0.isEmpty && $0.count <= 3 && ($0.allSatisfy(\.isNumber) || ($0.count == 1 && $0.first!.isUppercase))
            }),
            parts[0].allSatisfy(\.isNumber) || parts.count > 1
        else { return nil }
        return String(token)
    }

    /// Levels from numbering depth when most headings are numbered, otherwise from the rank of their style.
    private static func assignLevels(_ headings: [(style: StyleKey, number: String?)]) -> [Int] {
        let styles = Set(headings.map(\.style)).sorted()
        let numbered = headings.filter { $0.number != nil }.count
        let useNumbers = numbered * 2 >= headings.count && numbered > 0
        var levelByStyle: [StyleKey: Int] = [:]
        if useNumbers {
            // Unnumbered headings take the level their style has among the numbered ones.
            for heading in headings {
                guard let number = heading.number, !number.hasPrefix("§") else { continue }
                let depth = number.split(separator: ".").count
                levelByStyle[heading.style] = min(levelByStyle[heading.style] ?? depth, depth)
            }
        }
        return headings.map { heading in
            if useNumbers, let number = heading.number {
                return number.hasPrefix("§") ? 1 : number.split(separator: ".").count
            }
            if let level = levelByStyle[heading.style] { return level }
            return (styles.firstIndex(of: heading.style) ?? 0) + 1
        }
    }

    /// Nested items: a marker further right than the run's first level is one level deeper.
    private static func assignListLevels(_ layout: inout PageLayout) {
        var runStart: Double?
        var indents: [Double] = []
        for index in layout.blocks.indices {
            guard case .listItem(let marker, _) = layout.blocks[index].kind else {
                runStart = nil
                indents = []
                continue
            }
            let x = layout.blocks[index].bounds.x
            let size = layout.blocks[index].lines[0].fontSize
            if runStart == nil { runStart = x }
            indents = indents.filter { $0 <= x + size * 0.5 }
            if indents.last.map({ x > $0 + size * 0.8 }) ?? true { indents.append(x) }
            let level = max(1, indents.firstIndex { abs($0 - x) <= size * 0.8 }.map { $0 + 1 } ?? indents.count)
            layout.blocks[index].kind = .listItem(marker: marker, level: level)
        }
    }

    /// The font size of the median character of the body text.
    static func bodySize(_ layouts: [PageLayout]) -> Double {
        var sizes: [(size: Double, weight: Int)] = []
        var total = 0
        for layout in layouts {
            for block in layout.blocks where block.role == nil {
                for line in block.lines {
                    let weight = line.text.utf8.count
                    sizes.append((line.fontSize, weight))
                    total += weight
                }
            }
        }
        guard total > 0 else { return 10 }
        sizes.sort { $0.size < $1.size }
        var seen = 0
        for entry in sizes {
            seen += entry.weight
            if seen * 2 >= total { return entry.size }
        }
        return sizes[sizes.count - 1].size
    }
}
