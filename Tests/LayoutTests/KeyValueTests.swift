import DocumentModel
import Layout
import PDFFixtures
import Testing

@Suite("Key/value pairs")
struct KeyValueTests {
    private func pairs(_ content: String) throws -> [String] {
        let document = try DocumentConverter.convert(bytes: PDFFixture.helvetica(content)).document
        return document.sections.flatMap(\.blocks).flatMap(\.entries).filter { $0.kind == .kv }.map {
            "\($0.key ?? "")=\($0.value ?? "")"
        }
    }

    @Test("colon lines, label and value on one row, labels over values")
    func forms() throws {
        let content = """
            BT /R 10 Tf 72 740 Td (Invoice no.: F2023-3838) Tj ET
            BT /R 10 Tf 72 725 Td (Account holder) Tj 150 0 Td (Jane Doe) Tj ET
            BT /B 8 Tf 72 690 Td (Due date) Tj 150 0 Td (Customer) Tj 150 0 Td (Reference) Tj ET
            BT /R 10 Tf 72 678 Td (2024-03-31) Tj 150 0 Td (08987) Tj 150 0 Td (PO-216945) Tj ET
            BT /R 10 Tf 72 600 Td (Our office is open Monday to Friday, 08:00-17:00, and on request.) Tj ET
            BT /R 10 Tf 72 585 Td (Table 1: Revenue by region) Tj ET
            """
        #expect(
            try pairs(content) == [
                "Invoice no.=F2023-3838", "Account holder=Jane Doe", "Due date=2024-03-31", "Customer=08987",
                "Reference=PO-216945",
            ]
        )
    }

    @Test(
        "captions in other languages and lines to write on are not pairs",
        arguments: [
            "Tabla 1: Renta de los hogares", "Tabel 2: Huishoudinkomen", "Tabella 3: Reddito",
            "Signature: ______________", "Date: ..................", "Abb. 4: Aufbau",
        ]
    )
    func notPairs(line: String) throws {
        let content = """
            BT /R 10 Tf 72 740 Td (\(line)) Tj ET
            BT /R 10 Tf 72 700 Td (Name: Jane Doe) Tj ET
            """
        #expect(try pairs(content) == ["Name=Jane Doe"])
    }

    @Test(
        "identifiers listed on one line, each with its own label, are one pair each",
        arguments: [
            (
                "Bank details: IBAN DE44 5001 0517 5407 3249 31 \\267 BIC INGDDEFFXXX",
                ["IBAN=DE44 5001 0517 5407 3249 31", "BIC=INGDDEFFXXX"]
            ),
            ("Tel. +49 30 1234 567 | Fax +49 30 1234 568", ["Tel.=+49 30 1234 567", "Fax=+49 30 1234 568"]),
            ("Alpenblick Treuhand AG | USt-IdNr. CHE-109.322.551 | alpenblick.ch", []),
            ("Home | Products | Contact", []),
        ]
    )
    func listedIdentifiers(line: String, expected: [String]) throws {
        let content = """
            BT /R 10 Tf 72 740 Td (\(line)) Tj ET
            BT /R 10 Tf 72 700 Td (Name: Jane Doe) Tj ET
            """
        #expect(try pairs(content) == expected + ["Name=Jane Doe"])
    }

    @Test(
        "pairs set side by side with a wide gap, each with its own label, are one pair each",
        arguments: [
            (
                "(Issue date: 2021-04-26) Tj 200 0 Td (Sale date: 2021-04-27)",
                ["Issue date=2021-04-26", "Sale date=2021-04-27"]
            ),
            // A label beside a pair of its own: the pair is the one that states its label.
            ("(Recipient) Tj 300 0 Td (Tel.: +41 44 668 18 00)", ["Tel.=+41 44 668 18 00"]),
            ("(Account holder) Tj 150 0 Td (Jane Doe)", ["Account holder=Jane Doe"]),
        ]
    )
    func sideBySide(runs: String, expected: [String]) throws {
        let content = """
            BT /R 10 Tf 72 740 Td \(runs) Tj ET
            BT /R 10 Tf 72 700 Td (Name: Jane Doe) Tj ET
            """
        #expect(try pairs(content) == expected + ["Name=Jane Doe"])
    }

    @Test("a captioned table's first row stays a table; a lone 'and' between two parties labels nothing")
    func captionedRowAndConnective() throws {
        let content = """
            BT /R 10 Tf 72 740 Td (Table 3: Measurements) Tj ET
            BT /B 8 Tf 72 725 Td (Date) Tj 120 0 Td (Location) Tj 120 0 Td (Parameter) Tj ET
            BT /R 10 Tf 72 713 Td (2021-10-04) Tj 120 0 Td (Brunnen 1) Tj 120 0 Td (turbidity) Tj ET
            BT /R 10 Tf 72 600 Td (Acme Widgets Inc., 1200 Market Street, San Francisco \\(the Supplier\\)) Tj ET
            BT /B 10 Tf 72 580 Td (and) Tj ET
            BT /R 10 Tf 72 568 Td (Stadtwerke Nordheim, Am Wasserturm 3, 74226 Nordheim \\(the Customer\\).) Tj ET
            """
        #expect(try pairs(content).isEmpty)
        let document = try DocumentConverter.convert(bytes: PDFFixture.helvetica(content)).document
        let tables = document.sections.flatMap(\.blocks).compactMap { block -> Table? in
            if case .table(let table) = block { return table }
            return nil
        }
        #expect(tables.first?.rows == [["2021-10-04", "Brunnen 1", "turbidity"]])
    }

    @Test("markdown and ascii show pairs as key: value")
    func rendering() throws {
        let bytes = PDFFixture.helvetica("BT /R 10 Tf 72 740 Td (IBAN: DE62 1677) Tj ET")
        let document = try DocumentConverter.convert(bytes: bytes).document
        #expect(document.markdown().contains("**IBAN:** DE62 1677"))
        #expect(document.ascii().contains("IBAN: DE62 1677"))
    }
}
