import DocumentModel
import Layout
import PDFFixtures
import Testing

/// Tables as a spreadsheet prints them: text flush left and figures flush right in cells wider than both, labels and
/// figures drawn in separate passes, thousands parted by a space, columns a space apart, members indented under
/// their group's label.
@Suite("Tables: worksheets")
struct TableWorksheetTests {
    private func tables(_ content: String) throws -> [Table] {
        try DocumentConverter.convert(bytes: PDFFixture.helvetica(content)).document.sections.flatMap(\.blocks)
            .compactMap { block in
                if case .table(let table) = block { return table }
                return nil
            }
    }

    /// Helvetica's advance widths (per 1000 em) of the characters the figures use.
    private func width(_ text: String, size: Double = 10) -> Double {
        text.reduce(0) { sum, character in sum + (character.isNumber ? 556 : 278) } * size / 1000
    }

    private func text(_ x: Double, _ y: Double, _ text: String, font: String = "R") -> String {
        "BT /\(font) 10 Tf \(x) \(y) Td (\(text)) Tj ET"
    }

    /// A figure set flush right against `edge`.
    private func figure(_ edge: Double, _ y: Double, _ value: String) -> String {
        text(edge - width(value), y, value)
    }

    @Test("names flush left over figures flush right, figures drawn after all labels, thousands parted by a space")
    func worksheetColumns() throws {
        let body: [(label: String, indent: Bool, values: [String])] = [
            ("Total", false, ["51 918", "58 589", "32 889"]), ("Sex", false, []),
            ("Men", true, ["50 482", "34 330", "17 160"]), ("Women", true, ["32 283", "27 043", "44 509"]),
            ("Age group", false, []), ("15 to 24 years", true, ["8 120", "7 904", "6 311"]),
            ("25 to 54 years", true, ["41 002", "39 870", "40 116"]),
        ]
        // Cells 60 pt wide from x 200: a name starts its cell, a figure ends 3 pt before the cell's end.
        var labels = [text(72, 700, "Region"), text(200, 700, "2011"), text(260, 700, "2015"), text(320, 700, "2017")]
        var figures: [String] = []
        for (index, row) in body.enumerated() {
            let y = Double(686 - 13 * index)
            labels.append(text(row.indent ? 80 : 72, y, row.label))
            for (column, value) in row.values.enumerated() {
                figures.append(figure(257 + 60 * Double(column), y, value))
            }
        }
        let table = try #require(try tables((labels + figures).joined(separator: "\n")).first)
        #expect(table.columns == ["Region", "2011", "2015", "2017"])
        #expect(
            table.rows == [
                ["Total", "51 918", "58 589", "32 889"], ["Sex", "", "", ""], ["Men", "50 482", "34 330", "17 160"],
                ["Women", "32 283", "27 043", "44 509"], ["Age group", "", "", ""],
                ["15 to 24 years", "8 120", "7 904", "6 311"], ["25 to 54 years", "41 002", "39 870", "40 116"],
            ]
        )
    }

    @Test("figure columns set one space apart part at the edges the rows share")
    func figuresOneSpaceApart() throws {
        let body: [(String, [String])] = [
            ("Bavaria", ["87.895", "751", "60.985"]), ("Hesse", ["44.231", "15.391", "19.085"]),
            ("Saxony", ["37.756", "54.241", "67.463"]), ("Bremen", ["28.361", "64.525", "2.500"]),
        ]
        // Columns end 34 pt apart: six characters of figure (30.6 pt) leave 3.4 pt, one word space.
        var lines = [text(72, 700, "State"), text(230, 700, "2014"), text(264, 700, "2016"), text(298, 700, "2019")]
        for (index, (label, values)) in body.enumerated() {
            let y = Double(686 - 13 * index)
            lines.append(text(72, y, label))
            lines += values.enumerated().map { figure(250 + 34 * Double($0.offset), y, $0.element) }
        }
        let table = try #require(try tables(lines.joined(separator: "\n")).first)
        #expect(table.rows.map(\.count) == [4, 4, 4, 4])
        #expect(table.rows.first == ["Bavaria", "87.895", "751", "60.985"])
        #expect(table.rows.last == ["Bremen", "28.361", "64.525", "2.500"])
    }

    @Test("labels alike (\"15 to 24 years\", \"25 to 34 years\") leave a strip one space wide: not a column")
    func alikeLabelsStayWhole() throws {
        let labels = ["15 to 24 years", "25 to 34 years", "35 to 44 years", "45 to 54 years", "All ages"]
        var lines = [text(72, 700, "Age"), text(230, 700, "2014"), text(290, 700, "2015"), text(350, 700, "2016")]
        for (index, label) in labels.enumerated() {
            let y = Double(686 - 13 * index)
            lines.append(text(72, y, label))
            lines += ["51.1", "83.7", "9.5"].enumerated().map { figure(257 + 60 * Double($0.offset), y, $0.element) }
        }
        let table = try #require(try tables(lines.joined(separator: "\n")).first)
        #expect(table.columns.count == 4)
        #expect(table.rows.map { $0.first ?? "" } == labels)
    }

    @Test("a rule under a header of two lines keeps the body in the table")
    func ruleUnderTwoLineHeader() throws {
        var lines = [
            text(72, 712, "Region", font: "B"), text(200, 712, "2019", font: "B"), text(320, 712, "2021", font: "B"),
            text(180, 700, "Estimate", font: "B"), text(240, 700, "Margin", font: "B"),
            text(300, 700, "Estimate", font: "B"), text(360, 700, "Margin", font: "B"),
            "0.5 w 70 696 m 420 696 l S",
        ]
        for (index, label) in ["North", "Midlands", "South"].enumerated() {
            let y = Double(684 - 13 * index)
            lines.append(text(72, y, label))
            lines += ["12.4", "0.8", "13.1", "0.9"].enumerated().map {
                figure(230 + 60 * Double($0.offset), y, $0.element)
            }
        }
        let found = try tables(lines.joined(separator: "\n"))
        #expect(found.count == 1)
        let table = try #require(found.first)
        #expect(table.rows.suffix(3).map { $0.first ?? "" } == ["North", "Midlands", "South"])
    }

    @Test("an item's wrapped lines under a row drawn cell by cell do not count against the rows of cells")
    func wrappedCellLines() throws {
        let content = [
            text(40, 700, "Product", font: "B"), text(130, 700, "Title", font: "B"), text(300, 700, "Qty", font: "B"),
            text(340, 700, "Price", font: "B"), text(390, 700, "Tax(%)", font: "B"), text(450, 700, "Tax", font: "B"),
            text(500, 700, "Total", font: "B"),
            text(40, 684, "Memory cards"), text(130, 684, "SanDisk Ultra 16 GB MicroSDHC"), text(300, 684, "1"),
            text(340, 684, "278.61"), text(390, 684, "14.50%"), text(450, 684, "40.39"), text(500, 684, "319.00"),
            // Wrapped lines of two cells, a little apart in height: two rows of one piece each.
            text(390, 676, "CST"), text(130, 669, "Class 10 Memory Card"), text(130, 660, "48 MB/s"),
            text(40, 645, "Cables"), text(130, 645, "USB-C cable 1 m"), text(300, 645, "2"), text(340, 645, "9.90"),
            text(390, 645, "18.00%"), text(450, 645, "3.56"), text(500, 645, "23.36"),
        ]
        let table = try #require(try tables(content.joined(separator: "\n")).first)
        #expect(table.columns == ["Product", "Title", "Qty", "Price", "Tax(%)", "Tax", "Total"])
        #expect(table.rows.first?.first == "Memory cards")
        #expect(table.rows.first?.last == "319.00")
        #expect(table.rows.last == ["Cables", "USB-C cable 1 m", "2", "9.90", "18.00%", "3.56", "23.36"])
    }
}
