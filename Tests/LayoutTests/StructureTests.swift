import DocumentModel
import Layout
import PDFFixtures
import Testing

@Suite("Headings, title and list items")
struct StructureTests {
    private func document(_ content: String) throws -> Conversion {
        return try DocumentConverter.convert(bytes: PDFFixture.helvetica(content))
    }

    private func entries(_ conversion: Conversion) -> [Entry] {
        conversion.document.sections.flatMap(\.blocks).compactMap { block -> Entry? in
            if case .cluster(let cluster) = block { return cluster.entries.first }
            return nil
        }
    }

    @Test("title, numbered headings with levels, paragraphs and nested lists")
    func manual() throws {
        let body = String(repeating: "Body text explains the procedure in plain words. ", count: 2)
        let content = """
            BT /B 24 Tf 72 740 Td (Pump Service Manual) Tj ET
            BT /B 14 Tf 72 700 Td (1 Installation) Tj ET
            BT /R 10 Tf 72 680 Td (\(body)) Tj ET
            BT /B 12 Tf 72 650 Td (1.1 Before you begin) Tj ET
            BT /R 10 Tf 72 630 Td (\(body)) Tj ET
            BT /R 10 Tf 12 TL 72 605 Td (\\225 Switch off the power.) Tj T* (\\225 Close the valve.) Tj ET
            BT /R 10 Tf 86 581 Td (\\226 Wait ten seconds.) Tj ET
            BT /R 10 Tf 12 TL 72 560 Td (1\\) Open the cover.) Tj T* (2\\) Replace the filter.) Tj ET
            BT /B 14 Tf 72 520 Td (2 Maintenance) Tj ET
            BT /R 10 Tf 72 500 Td (\(body)) Tj ET
            """
        let found = entries(try document(content))
        let summary = found.map { entry -> String in
            switch entry.kind {
            case .heading: "h\(entry.level ?? 0):\(entry.text)"
            case .listItem: "li\(entry.level ?? 0)[\(entry.marker ?? "")]:\(entry.text)"
            case .title: "title:\(entry.text)"
            default: "p"
            }
        }
        #expect(
            summary == [
                "title:Pump Service Manual", "h1:1 Installation", "p", "h2:1.1 Before you begin", "p",
                "li1[•]:Switch off the power.", "li1[•]:Close the valve.", "li2[–]:Wait ten seconds.",
                "li1[1)]:Open the cover.", "li1[2)]:Replace the filter.", "h1:2 Maintenance", "p",
            ]
        )
        #expect(found[1].number == "1" && found[3].number == "1.1")
    }

    @Test(
        "a line under the title ranked below the heading right after it is a subtitle; one with text under it stays",
        arguments: [true, false]
    )
    func subtitle(followedByHeading: Bool) throws {
        let body = String(repeating: "Body text explains the product in plain words. ", count: 2)
        let under = followedByHeading ? "" : "BT /R 10 Tf 72 695 Td (\(body)) Tj ET"
        let content = """
            BT /B 24 Tf 72 740 Td (Pressure Sensor PT-771) Tj ET
            BT /B 12 Tf 72 712 Td (Product data sheet) Tj ET
            \(under)
            BT /B 14 Tf 72 670 Td (Overview) Tj ET
            BT /R 10 Tf 72 650 Td (\(body)) Tj ET
            BT /B 12 Tf 72 620 Td (Housing) Tj ET
            BT /R 10 Tf 72 600 Td (\(body)) Tj ET
            BT /B 14 Tf 72 570 Td (Ordering) Tj ET
            BT /R 10 Tf 72 550 Td (\(body)) Tj ET
            """
        let found = entries(try document(content))
        let second = try #require(found.dropFirst().first)
        #expect(found.first?.kind == .title)
        #expect(second.kind == (followedByHeading ? .text : .heading))
        #expect(found.filter { $0.kind == .heading }.map(\.text).contains("Overview"))
    }

    @Test("a line opening with a two-level section number and a title is a heading in body type; a clause is not")
    func numberedSectionInBodyType() throws {
        let body = String(repeating: "Body text explains the results in plain words. ", count: 2)
        let content = """
            BT /B 24 Tf 72 740 Td (Quarterly Report) Tj ET
            BT /B 14 Tf 72 700 Td (2 Market environment) Tj ET
            BT /R 10 Tf 72 680 Td (\(body)) Tj ET
            BT /R 10 Tf 72 655 Td (2.1 Renewals) Tj ET
            BT /R 10 Tf 72 635 Td (\(body)) Tj ET
            BT /R 10 Tf 72 610 Td (2.2 The supplier shall renew the licence.) Tj ET
            BT /R 10 Tf 72 590 Td (\(body)) Tj ET
            """
        let found = entries(try document(content))
        let headings = found.filter { $0.kind == .heading }.map(\.text)
        #expect(headings == ["2 Market environment", "2.1 Renewals"])
        #expect(found.first { $0.text == "2.1 Renewals" }?.level == 2)
    }

    @Test("a bold line numbered under the heading before it is a heading though set smaller than the body")
    func smallerSubsectionHeading() throws {
        let body = String(repeating: "Body text explains the results in plain words. ", count: 2)
        let content = """
            BT /B 16 Tf 72 740 Td (2 Quantifying savings) Tj ET
            BT /B 13 Tf 72 712 Td (2.1 Savings from better profiles) Tj ET
            BT /B 11 Tf 72 690 Td (2.1.1 Profiles from a travel survey) Tj ET
            BT /R 12 Tf 72 670 Td (\(body)) Tj ET
            BT /R 12 Tf 72 655 Td (\(body)) Tj ET
            BT /B 11 Tf 72 630 Td (2.1.2 Profiles from fleet data) Tj ET
            BT /R 12 Tf 72 610 Td (\(body)) Tj ET
            BT /R 12 Tf 72 590 Td (1.1 The supplier shall renew the licence.) Tj ET
            """
        let found = entries(try document(content))
        let headings = found.filter { $0.kind == .heading }
        #expect(
            headings.map(\.text) == [
                "2 Quantifying savings", "2.1 Savings from better profiles", "2.1.1 Profiles from a travel survey",
                "2.1.2 Profiles from fleet data",
            ]
        )
        #expect(headings.map(\.level) == [1, 2, 3, 3])
        #expect(found.last?.kind == .listItem)
    }

    /// A filled disc of diameter `d` centred at (x, y), drawn with four Bézier curves as browsers draw bullets.
    private func disc(_ x: Double, _ y: Double, _ d: Double) -> String {
        let r = d / 2
        let k = 0.5523 * r
        return """
            \(x + r) \(y) m \(x + r) \(y + k) \(x + k) \(y + r) \(x) \(y + r) c
            \(x - k) \(y + r) \(x - r) \(y + k) \(x - r) \(y) c \(x - r) \(y - k) \(x - k) \(y - r) \(x) \(y - r) c
            \(x + k) \(y - r) \(x + r) \(y - k) \(x + r) \(y) c f
            """
    }

    @Test("a sentence set larger than the body (a report's note above its tables) is no heading; a short label is")
    func sentenceIsNoHeading() throws {
        let rows = (0..<12).map { row in
            "BT /R 8 Tf 72 \(560 - row * 11) Td (Region \(row) 2018 1,204 2021 1,388 change 15.3 percent) Tj ET"
        }.joined(separator: "\n")
        let content = """
            BT /B 22 Tf 72 740 Td (Household Survey 2021) Tj ET
            BT /B 14 Tf 72 700 Td (Education level) Tj ET
            BT /R 11 Tf 72 660 Td (The table below shows education level by characteristic for 2018 and 2021.) Tj ET
            \(rows)
            """
        let kinds = entries(try document(content)).map { "\($0.kind):\($0.text.prefix(15))" }
        #expect(kinds.contains("heading:Education level"))
        #expect(!kinds.contains { $0.hasPrefix("heading:The table below") })
    }

    @Test("bullets drawn as filled discs and squares make list items; a stroked box beside a label does not")
    func drawnBullets() throws {
        let content = """
            BT /R 10 Tf 72 740 Td (Features of the sensor, in short:) Tj ET
            \(disc(78, 723.5, 3.6))
            BT /R 10 Tf 90 720 Td (Stainless steel housing) Tj ET
            \(disc(78, 707.5, 3.6))
            BT /R 10 Tf 90 704 Td (Accuracy better than 0.25 %) Tj ET
            76.2 689.7 3.6 3.6 re f
            BT /R 10 Tf 90 688 Td (Simple installation) Tj ET
            0.5 w 76 656 8 8 re S
            BT /R 10 Tf 90 657 Td (I agree to the terms) Tj ET
            """
        let found = entries(try document(content))
        let items = found.filter { $0.kind == .listItem }
        #expect(items.map(\.text) == ["Stainless steel housing", "Accuracy better than 0.25 %", "Simple installation"])
        #expect(items.allSatisfy { $0.marker == "•" })
        #expect(found.contains { $0.kind != .listItem && $0.text == "I agree to the terms" })
    }

    @Test("bold cells of a table row and labels with values are not headings")
    func notHeadings() throws {
        let content = """
            BT /R 10 Tf 72 740 Td (Some introductory body text that sets the size of the body.) Tj ET
            BT /B 10 Tf 72 700 Td (Region) Tj 150 0 Td (Change) Tj 150 0 Td (Total) Tj ET
            BT /B 10 Tf 72 680 Td (Invoice no.: 2024-001) Tj ET
            BT /R 10 Tf 72 660 Td (More body text follows here, long enough to be a paragraph of its own.) Tj ET
            """
        #expect(!entries(try document(content)).contains { $0.kind == .heading })
    }

    @Test(
        "list markers",
        arguments: [
            ("• item", "•"), ("– item", "–"), ("1. item", "1."), ("12) item", "12)"), ("(a) item", "(a)"),
            ("b) item", "b)"), ("iv. item", "iv."), ("[3] Smith, J.", "[3]"), ("Step 2: Open", "Step 2:"),
        ]
    )
    func markers(text: String, marker: String) {
        #expect(ListMarker.parse(text)?.text == marker)
    }

    @Test("a number wrapped to the start of a line after a full line is the sentence going on, not a list item")
    func wrappedNumber() throws {
        let full = "The largest deviation was observed at Gewerbepark, where the electricity consumption reached"
        let content = """
            BT /R 10 Tf 12 TL 72 700 Td (\(full)) Tj T* (277.0 MWh. Seasonal effects explain part of it.) Tj ET
            BT /R 10 Tf 12 TL 72 640 Td (The clauses follow.) Tj T* (1.1 Scope of the contract.) Tj ET
            """
        let found = entries(try document(content))
        #expect(found.first?.kind == .text)
        #expect(found.first?.text.hasSuffix("reached 277.0 MWh. Seasonal effects explain part of it.") == true)
        #expect(found.contains { $0.kind == .listItem && $0.marker == "1.1" })
    }

    @Test("not list markers", arguments: ["1.1 Scope", "2021. It was", "Total 3", "•", "A. Smith wrote", "Mr. Smith"])
    func notMarkers(text: String) {
        #expect(ListMarker.parse(text) == nil)
    }
}
