internal import CXML2

/// A `<table>` read into a ``MarkupTable``: rows from `thead`, `tbody`, `tfoot` or the table itself, in document
/// order; `th` cells and `thead` rows are the header; `colspan` and `rowspan` kept (bounded). A table nested in a
/// cell is read as that cell's text.
enum HTMLTableReader {
    /// Spans beyond these are typing errors or attacks (`colspan="100000"`): they are cut.
    static let maxColumnSpan = 64
    static let maxRowSpan = 256

    static func read(_ table: xmlNodePtr) -> (caption: String?, table: MarkupTable) {
        var caption: String?
        var rows: [[MarkupTable.Cell]] = []
        var headerRows = 0
        var headerOpen = true
        for child in HTMLNode.elements(of: table) {
            switch HTMLNode.name(child) {
            case "caption":
                caption = HTMLNode.text(child).nonEmpty
            case "thead":
                let section = HTMLNode.elements(of: child).filter { HTMLNode.name($0) == "tr" }.map(row)
                if headerOpen && rows.count == headerRows { headerRows += section.count }
                rows += section
            case "tbody", "tfoot":
                headerOpen = false
                rows += HTMLNode.elements(of: child).filter { HTMLNode.name($0) == "tr" }.map(row)
            case "tr":
                headerOpen = false
                rows.append(row(child))
            default:
                continue
            }
        }
        rows.removeAll { $0.isEmpty }
        return (caption, MarkupTable(rows: rows, headerRows: headerRows))
    }

    private static func row(_ row: xmlNodePtr) -> [MarkupTable.Cell] {
        HTMLNode.elements(of: row).compactMap { cell in
            let name = HTMLNode.name(cell)
            guard name == "td" || name == "th" else { return nil }
            let columns = HTMLNode.attribute(cell, "colspan").flatMap { Int($0.trimmed) } ?? 1
            let rows = HTMLNode.attribute(cell, "rowspan").flatMap { Int($0.trimmed) } ?? 1
            return MarkupTable.Cell(
                HTMLNode.text(cell),
                columnSpan: min(max(columns, 1), maxColumnSpan),
                rowSpan: min(max(rows, 1), maxRowSpan),
                isHeader: name == "th"
            )
        }
    }
}
