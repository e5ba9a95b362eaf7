internal import CXML2

/// The walk over a Word body: paragraphs into headings, list items, code and paragraphs; tables into
/// ``MarkupTable``s.
struct DocxWalker {
    var styles: DocxStyles
    var numbering: DocxNumbering
    private(set) var blocks: [MarkupBlock] = []

    /// Tables nested deeper than this in cells are read as text.
    static let maxDepth = 32

    init(styles: DocxStyles, numbering: DocxNumbering) {
        self.styles = styles
        self.numbering = numbering
    }

    /// The body, a content control's content or a custom XML element: paragraphs and tables in order.
    mutating func blockContainer(_ node: xmlNodePtr, depth: Int = 0) {
        for child in HTMLNode.elements(of: node) {
            switch XMLPart.localName(child) {
            case "p":
                paragraph(child)
            case "tbl":
                let table = self.table(child, depth: depth)
                if !table.rows.isEmpty { blocks.append(.table(table)) }
            case "sdt":
                if let content = XMLPart.child(child, "sdtContent"), depth < Self.maxDepth {
                    blockContainer(content, depth: depth + 1)
                }
            case "customXml", "ins", "moveTo":
                if depth < Self.maxDepth { blockContainer(child, depth: depth + 1) }
            default:
                continue
            }
        }
    }

    private mutating func paragraph(_ node: xmlNodePtr) {
        let text = Self.text(of: node).collapsingWhitespace
        let properties = XMLPart.child(node, "pPr")
        let style = styles[id: XMLPart.value(properties, "pStyle")]
        let numPr = properties.flatMap { XMLPart.child($0, "numPr") }
        let listId = XMLPart.value(numPr, "numId") ?? style.numbering?.id
        let listLevel = XMLPart.value(numPr, "ilvl").flatMap { Int($0) } ?? style.numbering?.level ?? 0
        // The counter advances even for an empty numbered paragraph, as Word's does.
        let marker = listId.flatMap { numbering.next(id: $0, level: listLevel) }
        guard !text.isEmpty else { return }
        let outline = XMLPart.value(properties, "outlineLvl").flatMap { Int($0) }
        if style.isTitle {
            blocks.append(.heading(level: 0, text: text))
        } else if let level = style.headingLevel ?? outline.flatMap({ (0...8).contains($0) ? $0 + 1 : nil }) {
            let number = marker.map { $0.ordered ? $0.marker.trimmingCharacters(in: ".") + " " : "" } ?? ""
            blocks.append(.heading(level: level, text: number + text))
        } else if let marker {
            blocks.append(.listItem(level: listLevel + 1, marker: marker.marker, text: text))
        } else if style.isCode {
            if case .code(let previous)? = blocks.last {
                blocks[blocks.count - 1] = .code(previous + "\n" + Self.text(of: node))
            } else {
                blocks.append(.code(Self.text(of: node)))
            }
        } else {
            blocks.append(.paragraph(text))
        }
    }

    /// A table: rows of cells with `gridSpan` as column spans and `vMerge` continuations folded into the row
    /// span of the cell they continue; `tblHeader` rows are the header.
    private func table(_ node: xmlNodePtr, depth: Int) -> MarkupTable {
        struct Placed {
            var column: Int
            var cell: MarkupTable.Cell
            var continues: Bool
        }
        var placedRows: [[Placed]] = []
        var headerRows = 0
        var headerOpen = true
        for row in XMLPart.children(node, "tr") {
            let rowProperties = XMLPart.child(row, "trPr")
            let isHeader =
                rowProperties.flatMap { XMLPart.child($0, "tblHeader") }.map {
                    !["0", "false", "off"].contains(XMLPart.attribute($0, "val") ?? "true")
                } ?? false
            if headerOpen, isHeader { headerRows += 1 } else { headerOpen = false }
            var column = XMLPart.value(rowProperties, "gridBefore").flatMap { Int($0) }.map { min(max($0, 0), 64) } ?? 0
            var placed: [Placed] = (0..<column).map { Placed(column: $0, cell: MarkupTable.Cell(""), continues: false) }
            for cell in Self.cells(of: row) {
                let properties = XMLPart.child(cell, "tcPr")
                let span = min(max(XMLPart.value(properties, "gridSpan").flatMap { Int($0) } ?? 1, 1), 64)
                let merge = properties.flatMap { XMLPart.child($0, "vMerge") }
                let continues = merge != nil && (XMLPart.attribute(merge!, "val") ?? "continue") == "continue"
                let text = depth < Self.maxDepth ? Self.cellText(cell) : HTMLNode.text(cell)
                placed.append(
                    Placed(
                        column: column,
                        cell: MarkupTable.Cell(text, columnSpan: span, isHeader: isHeader),
                        continues: continues
                    )
                )
                column += span
            }
            placedRows.append(placed)
        }
        // Fold each continuation into the cell that started the merge at its column: the latest origin per grid
        // column, kept while the rows are walked once (a continuation without one is dropped).
        var origins: [Int: (row: Int, index: Int)] = [:]
        for rowIndex in placedRows.indices {
            for index in placedRows[rowIndex].indices {
                let placed = placedRows[rowIndex][index]
                if placed.continues {
                    if let origin = origins[placed.column] {
                        let span = placedRows[origin.row][origin.index].cell.rowSpan
                        placedRows[origin.row][origin.index].cell.rowSpan = min(span + 1, HTMLTableReader.maxRowSpan)
                    }
                } else {
                    origins[placed.column] = (rowIndex, index)
                }
            }
        }
        let rows = placedRows.map { $0.filter { !$0.continues }.map(\.cell) }
        return MarkupTable(rows: rows, headerRows: min(headerRows, max(rows.count - 1, 0)))
    }

    /// A row's cells, content controls around cells included.
    private static func cells(of row: xmlNodePtr) -> [xmlNodePtr] {
        HTMLNode.elements(of: row).flatMap { child -> [xmlNodePtr] in
            switch XMLPart.localName(child) {
            case "tc": return [child]
            case "sdt": return XMLPart.child(child, "sdtContent").map { cells(of: $0) } ?? []
            default: return []
            }
        }
    }

    /// A cell's paragraphs (and nested tables' text) joined by spaces.
    private static func cellText(_ cell: xmlNodePtr) -> String {
        text(of: cell, separator: " ").collapsingWhitespace
    }

    /// The visible text below `node`: `w:t` runs, tabs and breaks as spaces, no-break hyphens; deleted text
    /// (`w:delText`, `w:del`), field codes (`w:instrText`) and drawings' alternative content left out.
    /// `separator` goes between paragraphs. Iterative, so depth costs nothing.
    static func text(of node: xmlNodePtr, separator: String = " ") -> String {
        var text = ""
        var stack = HTMLNode.elements(of: node).reversed().map { $0 }
        while let current = stack.popLast() {
            switch XMLPart.localName(current) {
            case "t":
                text += HTMLNode.rawText(current)
            case "tab", "br", "cr":
                text += " "
            case "noBreakHyphen":
                text += "-"
            case "del", "delText", "instrText", "moveFrom", "rPr", "pPr", "tcPr", "trPr", "tblPr", "fallback",
                "drawing", "pict", "object":
                continue
            case "p":
                if !text.isEmpty { text += separator }
                stack.append(contentsOf: HTMLNode.elements(of: current).reversed())
            default:
                stack.append(contentsOf: HTMLNode.elements(of: current).reversed())
            }
        }
        return text
    }
}
