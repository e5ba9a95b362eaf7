import DocumentModel
import Layout
import PDFFixtures
import Testing

/// Columns set closer than the gap rule: cut where the rows around them start or end a cell at the same x.
@Suite("Tables: columns found by alignment")
struct TableAlignmentTests {
    private func blocks(_ content: String) throws -> [Block] {
        try DocumentConverter.convert(bytes: PDFFixture.helvetica(content)).document.sections.flatMap(\.blocks)
    }

    private func tables(_ content: String) throws -> [Table] {
        try blocks(content).compactMap { block in
            if case .table(let table) = block { return table }
            return nil
        }
    }

    /// One line of 10 pt Helvetica, each text drawn at its own x.
    private func row(_ y: Int, _ cells: [(Double, String)]) -> String {
        cells.map { x, text in "BT /R 10 Tf \(x) \(y) Td (\(text)) Tj ET" }.joined(separator: "\n")
    }

    @Test("a narrow receipt: prices under one another, one of them 7 pt from its item, make one table with its total")
    func narrowReceipt() throws {
        // "Bread" is 26.7 pt wide: its price stands 7.3 pt off, under the gap rule (10 pt); the others stand wide.
        let content = [
            row(760, [(72, "Corner Bakery")]),
            row(745, [(72, "Receipt no. 4471")]),
            row(730, [(72, "Bread"), (106, "3.20")]),
            row(715, [(72, "Tea"), (106, "1.80")]),
            row(700, [(72, "Milk"), (106, "0.95")]),
            row(685, [(72, "Total"), (106, "5.95")]),
        ].joined(separator: "\n")
        let table = try #require(try tables(content).first)
        #expect(table.rows == [["Bread", "3.20"], ["Tea", "1.80"], ["Milk", "0.95"]])
        #expect(table.footers.map(\.cells) == [["Total", "5.95"]])
    }

    @Test("a tight invoice: 'Qty' 7 pt before 'Price', an item name 7 pt before its quantity, cut at the columns")
    func tightInvoice() throws {
        let content = [
            row(730, [(72, "Item"), (186, "Qty"), (209, "Price"), (252, "Amount")]),
            row(715, [(72, "Sensor"), (186, "1"), (209, "738.94"), (252, "738.94")]),
            row(700, [(72, "Valve"), (186, "5"), (209, "802.39"), (252, "4,011.95")]),
            // 107.3 pt wide: it ends 6.8 pt before the quantity.
            row(685, [(72, "Temperature transmitter"), (186, "3"), (209, "493.50"), (252, "1,480.50")]),
        ].joined(separator: "\n")
        let table = try #require(try tables(content).first)
        #expect(table.columns == ["Item", "Qty", "Price", "Amount"])
        #expect(table.rows.last == ["Temperature transmitter", "3", "493.50", "1,480.50"])
        #expect(table.rows.allSatisfy { $0.count == 4 })
    }

    @Test("a loose justified paragraph under check-box rows: its words start where their cells do, it stays text")
    func looseParagraph() throws {
        // Two rows of cells set wide apart ("Yes", "No", a question), then four-letter words of letters 5.56 pt
        // wide, 7 pt apart (a loose line): every line's words start where the rows' cells do, so only the line's own
        // spacing tells its gaps from a column's.
        var content = (0..<2).map { index in
            row(758 - index * 14, [(72, "Yes"), (101.24, "No"), (130.48, "Pending?")])
        }
        let lines = [
            ["bead", "node", "hung", "open"], ["done", "dune", "head", "hand"],
            ["band", "bond", "hope", "gone"], ["huge", "dead", "need", "deep"],
        ]
        content += lines.enumerated().map { index, words in
            row(730 - index * 14, words.enumerated().map { column, word in (72 + Double(column) * 29.24, word) })
        }
        let texts = try blocks(content.joined(separator: "\n")).flatMap { block -> [String] in
            guard case .cluster(let cluster) = block else { return [] }
            return cluster.entries.map(\.text)
        }
        #expect(texts.contains { $0.contains("bead node hung open done dune head hand") })
    }
}
