import DocumentModel
import Layout
import PDFFixtures
import Testing

@Suite("Tables")
struct TableTests {
    private func tables(_ content: String) throws -> [Table] {
        let document = try DocumentConverter.convert(bytes: PDFFixture.helvetica(content)).document
        return document.sections.flatMap(\.blocks).compactMap { block in
            if case .table(let table) = block { return table }
            return nil
        }
    }

    private func row(_ y: Int, _ cells: [(Int, String)], font: String = "R") -> String {
        cells.map { x, text in "BT /\(font) 10 Tf \(x) \(y) Td (\(text)) Tj ET" }.joined(separator: "\n")
    }

    @Test("columns closer than a column gap are split where every row leaves the same strip blank")
    func rivers() throws {
        // Right-aligned numbers end 4 pt before the dates start: less than the gap rule, but the same in every row.
        let rows: [(String, String, String, String)] = [
            ("No.", "Date", "Site", "Value"), ("1", "2021-03-22", "Nordheim", "222.96"),
            ("12", "2021-03-24", "Am Hafen", "799.85"),
            ("3", "2021-03-25", "Weiler", "632.11"), ("47", "2021-03-28", "Am Hafen", "8.22"),
        ]
        var lines: [String] = []
        for (index, cells) in rows.enumerated() {
            let y = 730 - index * 15
            let numberWidth = cells.0.count * 6
            lines.append(row(y, [(96 - numberWidth, cells.0), (100, cells.1), (220, cells.2), (330, cells.3)]))
        }
        let table = try #require(try tables(lines.joined(separator: "\n")).first)
        #expect(table.columns == ["No.", "Date", "Site", "Value"])
        #expect(table.rows.first == ["1", "2021-03-22", "Nordheim", "222.96"])
        #expect(table.rows.allSatisfy { $0.count == 4 })
    }

    @Test("regular lines right above a bold header row (an invoice's recipient) stay out of the header")
    func recipientAboveBoldHeader() throws {
        let content = [
            row(758, [(72, "Bill to")]),
            row(744, [(72, "Northwind Services Ltd")]),
            row(726, [(72, "Item"), (200, "Qty"), (260, "Price"), (330, "Amount")], font: "B"),
            row(711, [(72, "Temperature transmitter"), (200, "3"), (260, "493.50"), (330, "1,480.50")]),
            row(696, [(72, "Level probe"), (200, "5"), (260, "316.83"), (330, "1,584.15")]),
            row(681, [(72, "Sensor"), (200, "1"), (260, "738.94"), (330, "738.94")]),
        ].joined(separator: "\n")
        let table = try #require(try tables(content).first)
        #expect(table.columns == ["Item", "Qty", "Price", "Amount"])
        #expect(table.rows.count == 3)
    }

    @Test("a total spanning two columns does not fuse them: the rows with the most cells define the columns")
    func spanningTotal() throws {
        let content = [
            row(730, [(72, "Qty"), (110, "Item"), (300, "Amount")], font: "B"),
            row(715, [(72, "2"), (110, "Bagel"), (300, "10.26")]),
            row(700, [(72, "1"), (110, "Tea Earl Grey"), (300, "1.17")]),
            row(685, [(72, "1"), (110, "Cappuccino"), (300, "5.28")]),
            row(670, [(72, "Total amount due"), (300, "16.71")]),
        ].joined(separator: "\n")
        let table = try #require(try tables(content).first)
        #expect(table.columns == ["Qty", "Item", "Amount"])
        #expect(table.rows.first == ["2", "Bagel", "10.26"])
        #expect(table.footers.first?.cells == ["Total amount due", "", "16.71"])
    }

    @Test("a table running onto the next page: the leftover row becomes a table marked as continued")
    func continuedOnNextPage() throws {
        var pdf = PDFFixture()
        let font = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        var first = ""
        let rows = [
            ["Site", "2019", "2022", "Change"], ["Lyon", "1,404", "525", "-62.6%"],
            ["Nice", "2,020", "1,980", "-2.0%"],
        ]
        for (index, cells) in rows.enumerated() {
            for (column, cell) in cells.enumerated() {
                first += "BT /F1 10 Tf \(72 + column * 110) \(200 - index * 15) Td (\(cell)) Tj ET\n"
            }
        }
        pdf.addPage(content: first, resources: "<< /Font << /F1 \(font) 0 R >> >>")
        var second = ""
        for (column, cell) in ["Paris", "476", "3,136", "+558.8%"].enumerated() {
            second += "BT /F1 10 Tf \(72 + column * 110) 740 Td (\(cell)) Tj ET\n"
        }
        second += "BT /F1 10 Tf 72 700 Td (Source: own calculations, rounded to whole units.) Tj ET"
        pdf.addPage(content: second, resources: "<< /Font << /F1 \(font) 0 R >> >>")
        let document = try DocumentConverter.convert(bytes: pdf.data()).document
        let tables = document.sections.map { section in
            section.blocks.compactMap { block -> Table? in
                if case .table(let table) = block { return table }
                return nil
            }
        }
        #expect(tables[0].count == 1 && tables[0].first?.continued == false)
        let continued = try #require(tables[1].first)
        #expect(continued.continued)
        #expect(continued.rows == [["Paris", "476", "3,136", "+558.8%"]])
        #expect(document.json().contains(#""type":"table","continued":true"#))
    }

    @Test("header cells wider than their column's values, on two lines, are still the table's header")
    func wideHeaders() throws {
        // Each header cell is its own two-line block (the stream gives it column by column).
        let content = [
            row(740, [(280, "to air")]), row(729, [(280, "kg/year")]),
            row(740, [(365, "to water")]), row(729, [(365, "kg/year")]),
            row(740, [(446, "to land")]), row(729, [(446, "kg/year")]),
            row(710, [(100, "Carbon dioxide (CO2)"), (280, "100 million"), (380, "-"), (460, "-")]),
            row(695, [(100, "Methane (CH4)"), (280, "100 000"), (380, "-"), (460, "-")]),
            row(680, [(100, "Nitrous oxide (N2O)"), (280, "10 000"), (380, "-"), (460, "-")]),
        ].joined(separator: "\n")
        let table = try #require(try tables(content).first)
        #expect(table.columns == ["", "to air kg/year", "to water kg/year", "to land kg/year"])
        #expect(table.rows.count == 3)
    }

    @Test("an unruled table with a bold header, a wrapped cell and total rows")
    func unruled() throws {
        let content = [
            "BT /R 10 Tf 72 760 Td (Line items of the order follow below.) Tj ET",
            row(730, [(72, "No."), (120, "Item"), (300, "Qty"), (380, "Amount")], font: "B"),
            row(715, [(72, "1"), (120, "Pump housing"), (300, "2"), (380, "120.00")]),
            row(700, [(72, "2"), (120, "Seal kit for the"), (300, "1"), (380, "35.50")]),
            row(690, [(120, "P-40 series")]),
            row(675, [(72, "3"), (120, "Filter"), (300, "4"), (380, "12.00")]),
            row(660, [(300, "Subtotal"), (380, "167.50")]),
            row(645, [(300, "VAT 20%"), (380, "33.50")]),
            "BT /R 10 Tf 72 600 Td (Thank you for your order.) Tj ET",
        ].joined(separator: "\n")
        let found = try tables(content)
        #expect(found.count == 1)
        let table = try #require(found.first)
        #expect(table.columns == ["No.", "Item", "Qty", "Amount"])
        #expect(
            table.rows == [
                ["1", "Pump housing", "2", "120.00"], ["2", "Seal kit for the P-40 series", "1", "35.50"],
                ["3", "Filter", "4", "12.00"],
            ]
        )
        #expect(table.footers.map(\.label) == ["Subtotal", "VAT 20%"])
        #expect(table.footers.map(\.cells) == [["", "", "Subtotal", "167.50"], ["", "", "VAT 20%", "33.50"]])
    }

    @Test("a ruled two-column table; labels and values without rulings are not a table")
    func ruled() throws {
        let grid =
            "0.5 w 72 740 m 372 740 l S 72 700 m 372 700 l S 72 740 m 72 700 l S 200 740 m 200 700 l S 372 740 m 372 700 l S"
        let content =
            grid + "\n" + row(727, [(76, "Colour"), (204, "Blue")]) + "\n" + row(708, [(76, "Size"), (204, "XL")])
        let ruled = try tables(content)
        #expect(ruled.count == 1)
        #expect(ruled.first.map { [$0.columns] + $0.rows } == [["Colour", "Blue"], ["Size", "XL"]])

        let labels =
            row(727, [(76, "Invoice no.:"), (204, "2024-001")]) + "\n" + row(708, [(76, "Date:"), (204, "2024-03-01")])
        #expect(try tables(labels).isEmpty)
    }

    /// A ruled grid: horizontal rules at `ys`, vertical rules at `xs` (each spanning the bands in `verticalSpans`,
    /// all bands when nil).
    private func lattice(xs: [Int], ys: [Int], skipping gaps: Set<[Int]> = []) -> String {
        var strokes = ys.map { "\(xs.first!) \($0) m \(xs.last!) \($0) l S" }
        for (column, x) in xs.enumerated() {
            for band in 0..<(ys.count - 1) where !gaps.contains([column, band]) {
                strokes.append("\(x) \(ys[band]) m \(x) \(ys[band + 1]) l S")
            }
        }
        return "0.5 w " + strokes.joined(separator: " ")
    }

    @Test(
        "a lattice: a header cell spanning two columns over sub-headers, a cell wrapped over two lines, a row with empty cells"
    )
    func lattice() throws {
        // Bands (top down): 760-745 group header, 745-730 sub-headers, 730-705 wrapped row, 705-690, 690-675.
        let grid = lattice(xs: [72, 220, 300, 380], ys: [760, 745, 730, 705, 690, 675], skipping: [[2, 0]])
        let content = [
            grid,
            row(749, [(230, "Threshold")]),
            row(734, [(224, "to air"), (304, "to water")]),
            row(719, [(76, "Chlorine and inorganic"), (224, "10 000"), (304, "-")]),
            row(709, [(76, "compounds (as HCl)")]),
            row(694, [(76, "Greece")]),
            row(679, [(76, "Halons"), (224, "1"), (304, "-")]),
        ].joined(separator: "\n")
        let found = try tables(content)
        #expect(found.count == 1)
        let table = try #require(found.first)
        #expect(table.columns == ["", "Threshold", ""])
        #expect(table.headerRows == 1)
        #expect(table.columnNames == ["", "Threshold to air", "Threshold to water"])
        #expect(
            Array(table.bodyRows) == [
                ["Chlorine and inorganic compounds (as HCl)", "10 000", "-"], ["Greece", "", ""], ["Halons", "1", "-"],
            ]
        )
        let document = try DocumentConverter.convert(bytes: PDFFixture.helvetica(content)).document
        #expect(
            document.markdown().contains(
                "|   | Threshold to air | Threshold to water |\n| --- | --- | --- |\n| Chlorine"
            )
        )
        #expect(document.json().contains(#"{"header":true,"cells":[{"text":""},{"text":"to air"}"#))
    }

    @Test("a lattice whose body band holds unruled rows: the band is split at its lines, group labels kept as rows")
    func ruledFrameUnruledBody() throws {
        let grid = lattice(xs: [72, 200, 280, 360], ys: [760, 740, 680])
        let content = [
            grid,
            row(747, [(76, "Group"), (204, "Share"), (284, "Total")]),
            row(728, [(76, "Younger cohort")]),
            row(716, [(90, "Treated"), (204, "85.1%"), (284, "100%")]),
            row(704, [(90, "Control"), (204, "17.3%"), (284, "100%")]),
            row(692, [(90, "Other"), (204, "2.0%"), (284, "100%")]),
        ].joined(separator: "\n")
        let table = try #require(try tables(content).first)
        #expect(table.columns == ["Group", "Share", "Total"])
        #expect(
            table.rows == [
                ["Younger cohort", "", ""], ["Treated", "85.1%", "100%"], ["Control", "17.3%", "100%"],
                ["Other", "2.0%", "100%"],
            ]
        )
    }

    @Test("rules above, under the header and below (no vertical rulings): narrow columns, wrapped and empty cells")
    func framedByRules() throws {
        let rules = [760, 742, 680].map { "0.5 w 72 \($0) m 400 \($0) l S" }.joined(separator: "\n")
        let content = [
            "BT /R 10 Tf 72 775 Td (Table 4: Open issues) Tj ET", rules,
            row(748, [(74, "ID"), (110, "Description"), (260, "Owner"), (330, "Status")], font: "B"),
            row(730, [(74, "#826"), (110, "The recommended range is"), (260, "A. Haddad"), (330, "open")]),
            row(720, [(110, "8 to 32 GB.")]),
            row(706, [(74, "#935"), (110, "Inspect the backup sets"), (330, "closed")]),
            row(690, [(74, "#234"), (110, "See section 3.2"), (260, "L. Moreau"), (330, "blocked")]),
        ].joined(separator: "\n")
        let found = try tables(content)
        #expect(found.count == 1)
        let table = try #require(found.first)
        #expect(table.columns == ["ID", "Description", "Owner", "Status"])
        #expect(
            table.rows == [
                ["#826", "The recommended range is 8 to 32 GB.", "A. Haddad", "open"],
                ["#935", "Inspect the backup sets", "", "closed"], ["#234", "See section 3.2", "L. Moreau", "blocked"],
            ]
        )
    }

    @Test("a rule under every row, a heavier one under a two-row header over year groups: one table, header kept")
    func linedRowsUnderGroupHeader() throws {
        // Rules under each row (as office suites and browsers print bottom borders); the header's rule is heavier.
        let rules = ["1.2 w 72 723 m 420 723 l S"] + [705, 687, 669, 651, 633].map { "0.3 w 72 \($0) m 420 \($0) l S" }
        let content = [
            row(744, [(74, "Group"), (180, "2019"), (300, "2023")], font: "B"),
            row(729, [(180, "Total"), (240, "Share"), (300, "Total"), (360, "Share")], font: "B"),
            rules.joined(separator: "\n"),
            row(711, [(74, "All"), (180, "1,204.5"), (240, "43.7"), (300, "1,310.2"), (360, "45.1")]),
            row(693, [(74, "Sex")]),
            row(675, [(74, "Men"), (180, "612.0"), (240, "41.2"), (300, "650.3"), (360, "43.9")]),
            row(657, [(74, "Women"), (180, "592.5"), (240, "46.3"), (300, "659.9"), (360, "46.4")]),
            row(639, [(74, "Other"), (180, "12.5"), (240, "21.0"), (300, "13.1"), (360, "22.8")]),
        ].joined(separator: "\n")
        let found = try tables(content)
        #expect(found.count == 1)
        let table = try #require(found.first)
        #expect(table.columns == ["Group", "2019", "", "2023", ""])
        #expect(table.rows.first == ["", "Total", "Share", "Total", "Share"])
        #expect(table.rows.count == 6)
        #expect(table.rows.contains(["Sex", "", "", "", ""]))
    }

    @Test(
        "rules under the body rows only: a header above them with a wrapped unit joins; a long group label spans",
        arguments: ["B", "R"]
    )
    func linedBodyUnderWrappedHeader(headerFont: String) throws {
        // The header stands above the first rule (no rule over it), its last name wraps ("Men" over "(%)"), and a
        // group label runs across the value columns.
        let rules = [723, 705, 687, 669, 651, 633, 615].map { "0.3 w 72 \($0) m 420 \($0) l S" }
        let content = [
            row(754, [(74, "Group"), (180, "2019"), (300, "2023")], font: headerFont),
            row(740, [(180, "Total"), (240, "Men"), (300, "Total"), (360, "Men")], font: headerFont),
            row(730, [(240, "\\(%\\)"), (360, "\\(%\\)")], font: headerFont),
            rules.joined(separator: "\n"),
            row(711, [(74, "All"), (180, "1,204.5"), (240, "43.7"), (300, "1,310.2"), (360, "45.1")]),
            row(693, [(74, "Sex")]),
            row(675, [(74, "Men"), (180, "612.0"), (240, "41.2"), (300, "650.3"), (360, "43.9")]),
            row(657, [(74, "Women"), (180, "592.5"), (240, "46.3"), (300, "659.9"), (360, "46.4")]),
            row(639, [(74, "Sex, by age group and region of residence")]),
            row(621, [(74, "Under 25"), (180, "12.5"), (240, "21.0"), (300, "13.1"), (360, "22.8")]),
        ].joined(separator: "\n")
        let found = try tables(content)
        #expect(found.count == 1)
        let table = try #require(found.first)
        #expect(table.columns == ["Group", "2019", "", "2023", ""])
        #expect(table.rows.first == ["", "Total", "Men (%)", "Total", "Men (%)"])
        #expect(table.rows.contains(["Sex, by age group and region of residence", "", "", "", ""]))
        #expect(table.rows.last == ["Under 25", "12.5", "21.0", "13.1", "22.8"])
    }

    @Test(
        "a regular two-tier header set cell by cell: group names over their columns, wrapped names, a stub name",
        arguments: [false, true]
    )
    func twoTierHeaderCellByCell(ruled: Bool) throws {
        // As statistical offices print: every header cell its own text block on its own baseline, the group names
        // centred over their columns (with vertical rules between the groups, or none), the stub name centred on
        // both tiers, a full-width rule between the unit note and the header, and a first body row set bold.
        let groupRules = ruled ? [170, 330, 490].map { "0.5 w \($0) 436 m \($0) 452 l S" } : []
        let content = [
            row(460, [(72, "\\(Numbers in thousands\\)")]),
            "0.5 w 72 452 m 490 452 l S",
            groupRules.joined(separator: "\n"),
            row(440, [(238, "2005"), (398, "2010")]),
            row(428, [(74, "Category")]),
            row(431, [(232, "Margin of")]),
            row(430, [(392, "Margin of")]),
            row(422, [(180, "Number"), (290, "Percent")]),
            row(421, [(232, "error")]),
            row(422, [(340, "Number"), (450, "Percent")]),
            row(421, [(392, "error")]),
            row(
                406,
                [
                    (74, "All ages"), (180, "291,099"), (232, "894"), (290, "100.0"), (340, "303,858"), (392, "905"),
                    (450, "100.0"),
                ],
                font: "B"
            ),
            row(
                392,
                [
                    (74, "Men"), (180, "54,425"), (232, "601"), (290, "18.7"), (340, "56,672"), (392, "654"),
                    (450, "18.7"),
                ]
            ),
            row(
                378,
                [
                    (74, "Women"), (180, "34,947"), (232, "336"), (290, "12.0"), (340, "38,284"), (392, "386"),
                    (450, "12.6"),
                ]
            ),
        ].joined(separator: "\n")
        let found = try tables(content)
        #expect(found.count == 1)
        let table = try #require(found.first)
        #expect(table.columns == ["Category", "2005", "", "", "2010", "", ""])
        #expect(
            table.rows.first == ["", "Number", "Margin of error", "Percent", "Number", "Margin of error", "Percent"]
        )
        #expect(table.rows.dropFirst().first == ["All ages", "291,099", "894", "100.0", "303,858", "905", "100.0"])
        #expect(table.rows.count == 4)
    }

    @Test("a ruled header band over the value columns only, its rules running down an unruled body: one table")
    func ruledHeaderOverUnruledBody() throws {
        // The lattice covers the four value columns; the stub names left of it and the last column right of it
        // are outside its rules, so the body rows are read apart from it and the header band joins them.
        let xs = [150, 230, 310, 390, 470]
        var strokes = [500, 485, 470].map { "150 \($0) m 470 \($0) l S" } + ["72 400 m 540 400 l S"]
        for x in xs {
            // The group band has rules at its ends and between the groups only.
            if [150, 310, 470].contains(x) { strokes.append("\(x) 485 m \(x) 500 l S") }
            strokes.append("\(x) 400 m \(x) 485 l S")
        }
        let content = [
            "0.5 w " + strokes.joined(separator: " "),
            row(489, [(176, "2005"), (336, "2010")]),
            row(474, [(154, "Estimate"), (234, "Margin"), (314, "Estimate"), (394, "Margin")]),
            row(455, [(74, "All people"), (160, "18.6"), (240, "0.3"), (320, "18.1"), (400, "0.3"), (490, "-0.5")]),
            row(440, [(74, "Male"), (160, "17.9"), (240, "0.4"), (320, "17.6"), (400, "0.4"), (490, "-0.3")]),
            row(425, [(74, "Female"), (160, "19.0"), (240, "0.3"), (320, "18.3"), (400, "0.4"), (490, "-0.7")]),
            row(410, [(74, "Other"), (160, "20.1"), (240, "0.5"), (320, "19.8"), (400, "0.6"), (490, "-0.3")]),
        ].joined(separator: "\n")
        let found = try tables(content)
        #expect(found.count == 1)
        let table = try #require(found.first)
        #expect(table.columns == ["", "2005", "", "2010", "", ""])
        #expect(table.rows.first == ["", "Estimate", "Margin", "Estimate", "Margin", ""])
        #expect(table.rows.dropFirst().first == ["All people", "18.6", "0.3", "18.1", "0.3", "-0.5"])
        #expect(table.rows.count == 5)
    }

    @Test(
        "a ruled header whose column rules stop at the header band: the body's figures stay in their columns",
        arguments: [false, true]
    )
    func figuresUnderHeaderOnlyRules(labelsRight: Bool) throws {
        // Outer rules run down the whole table and one parts the labels from the values; the rules between the
        // year columns end under the header, so each body line is one ruled cell over all the value columns.
        let values = labelsRight ? [100, 160, 220, 280] : [200, 260, 320, 380]
        let (labelX, splitX, left, right) = labelsRight ? (350, 340, 100, 440) : (76, 200, 72, 440)
        var strokes = [500, 480, 400].map { "\(left) \($0) m \(right) \($0) l S" }
        strokes += [left, splitX, right].map { "\($0) 400 m \($0) 500 l S" }
        strokes += values.dropFirst().map { "\($0) 480 m \($0) 500 l S" }
        if labelsRight { strokes.append("\(values.last! + 60) 480 m \(values.last! + 60) 500 l S") }
        let years = ["2011", "2012", "2013", "2014"]
        let figures = [["2.6", "3.2", "3.0", "4.2"], ["0.7", "1.3", "-1.1", "2.3"], ["12.5", "3.4", "2.9", "4.5"]]
        let labels = ["Gross product", "Per head", "Business sector"]
        var lines = ["0.5 w " + strokes.joined(separator: " ")]
        lines.append(row(486, zip(values, years).map { ($0 + 8, $1) }))
        for (index, figureRow) in figures.enumerated() {
            let y = 465 - 18 * index
            lines.append(row(y, zip(values, figureRow).map { ($0 + 10, $1) } + [(labelX, labels[index])]))
        }
        let table = try #require(try tables(lines.joined(separator: "\n")).first)
        let expectedLabelColumn = labelsRight ? table.columns.count - 1 : 0
        #expect(table.rows.count == 3)
        for (index, figureRow) in figures.enumerated() {
            let cells = table.rows[index].filter { !$0.isEmpty }
            #expect(cells.filter { $0 != labels[index] } == figureRow)
            #expect(table.rows[index][expectedLabelColumn] == labels[index])
        }
    }

    @Test("a box ruled around each group of columns: the columns inside a group part at the strip the rows leave blank")
    func columnsInsideRuledGroups() throws {
        var strokes = [500, 466, 400].map { "72 \($0) m 430 \($0) l S" }
        strokes += [72, 150, 290, 430].map { "\($0) 400 m \($0) 500 l S" }
        let content = [
            "0.5 w " + strokes.joined(separator: " "),
            row(488, [(76, "District"), (205, "2021"), (345, "2023")]),
            row(474, [(160, "Rate"), (230, "Error"), (300, "Rate"), (370, "Error")]),
            row(452, [(76, "North"), (160, "71.2"), (230, "0.8"), (300, "72.5"), (370, "0.7")]),
            row(437, [(76, "South"), (160, "68.4"), (230, "1.1"), (300, "69.9"), (370, "1.0")]),
            row(422, [(76, "East"), (160, "70.1"), (230, "0.9"), (300, "70.8"), (370, "0.9")]),
        ].joined(separator: "\n")
        let table = try #require(try tables(content).first)
        #expect(table.columns.count == 5)
        #expect(
            table.rows.suffix(3).map { $0 } == [
                ["North", "71.2", "0.8", "72.5", "0.7"], ["South", "68.4", "1.1", "69.9", "1.0"],
                ["East", "70.1", "0.9", "70.8", "0.9"],
            ]
        )
        #expect(table.columns.joined(separator: " ").contains("Error"))
    }

    @Test("a caption set out across the columns (\"Table: 5 … (Rs. in 000)\") is not the table's first row")
    func captionAcrossColumns() throws {
        let content = [
            row(520, [(74, "Table: 5"), (200, "Public outlay 2012-13 (estimates)"), (400, "\\(Rs. in 000\\)")]),
            row(500, [(74, "State"), (200, "Revenue"), (300, "Capital"), (400, "Total")]),
            row(484, [(74, "Assam"), (200, "14,874,821"), (300, "161,600"), (400, "17,590,618")]),
            row(470, [(74, "Bihar"), (200, "21,016,708"), (300, "5,329,000"), (400, "30,677,849")]),
            row(456, [(74, "Goa"), (200, "4,055,567"), (300, "330,053"), (400, "4,495,620")]),
        ].joined(separator: "\n")
        let table = try #require(try tables(content).first)
        #expect(table.columns == ["State", "Revenue", "Capital", "Total"])
        #expect(table.rows.first == ["Assam", "14,874,821", "161,600", "17,590,618"])
        #expect(table.rows.count == 3)
    }

    @Test("bottom borders only: the names right above the first rule are the header; a labelled value above is not")
    func namesAboveFirstRule() throws {
        let rules = [725, 707, 689, 671].map { "0.3 w 72 \($0) m 400 \($0) l S" }
        let content = [
            row(752, [(72, "Period: 03/2024")]),
            row(730, [(80, "Date"), (160, "Merchant"), (300, "Amount")]),
            rules.joined(separator: "\n"),
            row(712, [(80, "15/05/2024"), (160, "RESTAURANT LA PLAZA"), (300, "392,39")]),
            row(694, [(80, "08/10/2024"), (160, "PHARMACY MAIN ST"), (300, "262,99")]),
            row(676, [(80, "05/03/2024"), (160, "ELECTRONICS STORE"), (300, "366,76")]),
        ].joined(separator: "\n")
        let found = try tables(content)
        #expect(found.count == 1)
        let table = try #require(found.first)
        #expect(table.columns == ["Date", "Merchant", "Amount"])
        #expect(table.rows.count == 3)
    }

    @Test("header cells closer than a column gap are cut where the columns part; a row label centred on two rows")
    func tightHeaderCells() throws {
        // "Share (%)" (46 pt) overhangs its narrow column and ends 6 pt before the next "Total": one segment until cut.
        let content = [
            row(700, [(74, "Employment by characteristic, in thousands and as a share of the population.")]),
            row(502, [(180, "2019"), (284, "2023")], font: "B"),
            row(495, [(74, "Characteristic")], font: "B"),
            row(488, [(180, "Total"), (232, "Share \\(%\\)"), (284, "Total"), (344, "Share \\(%\\)")], font: "B"),
            row(472, [(74, "All persons"), (180, "3,781.8"), (232, "43.7"), (284, "4,044.8"), (344, "58.9")]),
            row(458, [(74, "Men"), (180, "1,572.3"), (232, "30.0"), (284, "1,175.1"), (344, "74.5")]),
            row(444, [(74, "Women"), (180, "2,209.5"), (232, "53.8"), (284, "2,869.7"), (344, "80.2")]),
            row(430, [(74, "Other"), (180, "11.2"), (232, "12.0"), (284, "13.4"), (344, "14.5")]),
        ].joined(separator: "\n")
        let table = try #require(try tables(content).first)
        #expect(table.columns == ["Characteristic", "2019", "", "2023", ""])
        #expect(table.rows.first == ["", "Total", "Share (%)", "Total", "Share (%)"])
        #expect(table.rows.count == 5)
    }

    @Test("a bold header whose cells wrap (\"Rate\" over \"(%)\"), drawn cell by cell: one header row")
    func headerDrawnCellByCell() throws {
        // Each cell whole before the next ("Share" then its "(%)"), here from the right: no two cells share a line.
        let cells = [
            (300, 700, "Share"), (300, 690, "\\(%\\)"), (240, 700, "Rate"), (240, 690, "\\(%\\)"),
            (180, 700, "Number"),
        ]
        let content = [
            row(730, [(74, "Employment in the survey year, all regions, weighted to the resident population.")]),
            cells.map { x, y, text in "BT /B 10 Tf \(x) \(y) Td (\(text)) Tj ET" }.joined(separator: "\n"),
            row(674, [(74, "All persons"), (180, "3,781"), (240, "43.7"), (300, "58.9")]),
            row(660, [(74, "Men"), (180, "1,572"), (240, "30.0"), (300, "74.5")]),
            row(646, [(74, "Women"), (180, "2,209"), (240, "53.8"), (300, "80.2")]),
            row(632, [(74, "Other"), (180, "11"), (240, "12.0"), (300, "14.5")]),
        ].joined(separator: "\n")
        let table = try #require(try tables(content).first)
        #expect(table.columns == ["", "Number", "Rate (%)", "Share (%)"])
        #expect(table.rows.count == 4)
    }

    @Test("a labelled value above a table stays out of its header")
    func labelledValueAbove() throws {
        let content = [
            row(760, [(74, "Period: 03/2024")]),
            row(746, [(74, "Date"), (180, "Merchant"), (330, "Amount")], font: "B"),
            row(732, [(74, "01/03/2024"), (180, "BOOKSHOP"), (330, "12.50")]),
            row(718, [(74, "04/03/2024"), (180, "HOTEL CENTRAL"), (330, "210.00")]),
            row(704, [(74, "09/03/2024"), (180, "TRAIN TICKETS"), (330, "48.20")]),
        ].joined(separator: "\n")
        let table = try #require(try tables(content).first)
        #expect(table.columns == ["Date", "Merchant", "Amount"])
    }

    @Test("a rule frame with groups of two value lines: each line a row, the group's centred label on the first")
    func framedValueLines() throws {
        let rules = [762, 742, 713, 683].map { "0.5 w 72 \($0) m 400 \($0) l S" }.joined(separator: "\n")
        let content = [
            rules,
            row(748, [(74, "Layers"), (150, "Language"), (250, "TED"), (330, "Time")], font: "B"),
            row(731, [(150, "OTSL"), (250, "0.965"), (330, "2.73")]),
            row(725, [(74, "6")]),
            row(719, [(150, "HTML"), (250, "0.969"), (330, "5.39")]),
            row(701, [(150, "OTSL"), (250, "0.938"), (330, "1.97")]),
            row(695, [(74, "4")]),
            row(689, [(150, "HTML"), (250, "0.952"), (330, "3.77")]),
        ].joined(separator: "\n")
        let table = try #require(try tables(content).first)
        #expect(table.columns == ["Layers", "Language", "TED", "Time"])
        #expect(
            table.rows == [
                ["6", "OTSL", "0.965", "2.73"], ["", "HTML", "0.969", "5.39"], ["4", "OTSL", "0.938", "1.97"],
                ["", "HTML", "0.952", "3.77"],
            ]
        )
    }

    @Test("rows told apart by background bands only: header and white rows join, totals below become footers")
    func backgroundBands() throws {
        // Every other row is filled (light grey, 18 pt high); the header and the totals sit outside the bands.
        let bands = [712, 676].map { "0.92 0.92 0.92 rg 72 \($0) 320 18 re f 0 g" }.joined(separator: "\n")
        let content = [
            bands,
            row(752, [(76, "Pos."), (110, "Item"), (250, "Qty"), (330, "Amount")], font: "B"),
            row(736, [(76, "1"), (110, "Pump housing"), (250, "2"), (330, "120.00")]),
            row(718, [(76, "2"), (110, "Seal kit"), (250, "1"), (330, "35.50")]),
            row(700, [(76, "3"), (110, "Filter"), (250, "4"), (330, "12.00")]),
            row(682, [(76, "4"), (110, "Gasket"), (250, "8"), (330, "4.00")]),
            row(664, [(250, "Total"), (330, "171.50")]),
        ].joined(separator: "\n")
        let found = try tables(content)
        #expect(found.count == 1)
        let table = try #require(found.first)
        #expect(table.columns == ["Pos.", "Item", "Qty", "Amount"])
        #expect(table.rows.map(\.first) == ["1", "2", "3", "4"])
        #expect(table.footers.map(\.cells) == [["", "", "Total", "171.50"]])
    }

    @Test("group labels inside a table stay its rows; a rule under the items ends a receipt's table")
    func groupLabelsAndSectionRule() throws {
        let grouped = [
            row(740, [(72, "Item"), (250, "Unit"), (330, "Q1"), (400, "Q2")], font: "B"),
            row(725, [(72, "Nordheim")], font: "B"),
            row(710, [(72, "Heating"), (250, "MWh"), (330, "584"), (400, "281")]),
            row(695, [(72, "Lighting"), (250, "MWh"), (330, "382"), (400, "25")]),
            row(680, [(72, "Am Hafen")], font: "B"),
            row(665, [(72, "Heating"), (250, "MWh"), (330, "12"), (400, "40")]),
        ].joined(separator: "\n")
        let table = try #require(try tables(grouped).first)
        #expect(table.rows.map(\.first) == ["Nordheim", "Heating", "Lighting", "Am Hafen", "Heating"])
        #expect(table.rows[0] == ["Nordheim", "", "", ""])

        let receipt = [
            row(740, [(72, "Qty"), (110, "Item"), (300, "Amount")]),
            row(725, [(72, "3"), (110, "Sparkling water"), (300, "18.48")]),
            row(710, [(72, "1"), (110, "Espresso"), (300, "9.80")]),
            row(695, [(72, "2"), (110, "Cappuccino"), (300, "15.26")]),
            "0.5 w 70 690 m 420 690 l S",
            row(676, [(72, "TOTAL"), (300, "EUR 43.54")]),
            row(661, [(72, "Paid by card"), (300, "VISA ****1608")]),
        ].joined(separator: "\n")
        // The totals under the rule are label/value pairs, not a second table headed "TOTAL | EUR 43.54".
        #expect(try tables(receipt).count == 1)
        let items = try #require(try tables(receipt).first)
        #expect(items.columns == ["Qty", "Item", "Amount"])
        #expect(items.rows.count == 3)
        #expect(items.footers.isEmpty)
    }

    @Test(
        "two unruled columns: priced items closed by a total are a table; labels with values and totals alone are not",
        arguments: [
            ([("Brood", "22,01"), ("Koffie 500 g", "24,69"), ("Totaal", "EUR 46,70")], true),
            (
                [("Wood screws 4x40", "3.76"), ("Paint brush", "8.14"), ("Tape measure", "12.91"), ("Total", "24.81")],
                true
            ),
            ([("Subtotal", "40.00"), ("VAT 20%", "8.00"), ("Total", "48.00")], false),
            ([("Invoice date:", "12.00"), ("Amount:", "34.50"), ("Total:", "46.50")], false),
            ([("Account", "Savings"), ("Holder", "J. Doe"), ("Total", "12.00")], false),
            ([("Brood", "22,01"), ("Koffie 500 g", "24,69"), ("Melk", "1,20")], false),
        ]
    )
    func pricedItems(lines: [(String, String)], isTable: Bool) throws {
        let content = lines.enumerated().map { index, line in
            row(700 - index * 14, [(72, line.0), (240, line.1)])
        }.joined(separator: "\n")
        let found = try tables(content)
        #expect(found.count == (isTable ? 1 : 0))
        if isTable, let table = found.first {
            #expect(table.rows.count == lines.count - 1)
            #expect(table.footers.map(\.label) == [lines.last!.0])
        }
    }

    @Test("paragraphs are not tables")
    func paragraphs() throws {
        let content = (0..<6).map {
            "BT /R 10 Tf 72 \(700 - $0 * 12) Td (A line of ordinary running text with words, number \($0).) Tj ET"
        }
        .joined(separator: "\n")
        #expect(try tables(content).isEmpty)
    }

    @Test(
        "labels over their values end where a line opens beside them after a wider gap; a table's rows keep on",
        arguments: [true, false]
    )
    func opensBeside(contactFarRight: Bool) throws {
        // Regular type throughout, as OCR gives it: no bold to tell the recipient's label from a table row.
        var lines = [
            row(700, [(72, "Invoice number"), (220, "Date"), (340, "Due")]),
            row(688, [(72, "INV-2024-5811"), (220, "17 May 2024"), (340, "31 May 2024")]),
        ]
        if contactFarRight {
            lines.append(row(660, [(72, "Recipient"), (440, "Tel.: +41 44 668 18 00")]))
        } else {
            lines.append(row(660, [(72, "INV-2024-5812"), (220, "18 May 2024"), (340, "1 June 2024")]))
        }
        let found = try tables(lines.joined(separator: "\n"))
        if contactFarRight {
            #expect(found.isEmpty)
            let document = try DocumentConverter.convert(bytes: PDFFixture.helvetica(lines.joined(separator: "\n")))
            let pairs = document.document.sections.flatMap(\.blocks).flatMap(\.entries).filter { $0.kind == .kv }
            #expect(
                pairs.map { "\($0.key ?? "")=\($0.value ?? "")" }.prefix(3) == [
                    "Invoice number=INV-2024-5811", "Date=17 May 2024", "Due=31 May 2024",
                ]
            )
        } else {
            let table = try #require(found.first)
            #expect(table.rows.count == 2)
        }
    }
}
