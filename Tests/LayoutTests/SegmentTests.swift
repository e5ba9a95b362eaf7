import DocumentModel
import Layout
import PDFFixtures
import Testing

@Suite("Page-continuation segments")
struct SegmentTests {
    /// A PDF whose pages show `pages[i]` lines in Helvetica.
    func document(_ pages: [[String]]) -> [UInt8] {
        var pdf = PDFFixture()
        let font = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        for lines in pages {
            var content = "BT /F1 11 Tf 72 740 Td"
            for line in lines { content += " (\(line)) Tj 0 -16 Td" }
            pdf.addPage(content: content + " ET", resources: "<< /Font << /F1 \(font) 0 R >> >>")
        }
        return pdf.data()
    }

    @Test("a restart of the page numbering starts a new document; each segment has its own type")
    func numberingResets() throws {
        let bytes = document([
            ["INVOICE", "Invoice No: INV-7", "Invoice date: 01.02.2024", "Total due: 120.00 EUR", "Page 1 of 2"],
            ["Item list continued", "Widget 12.00", "Page 2 of 2"],
            ["RECEIPT", "Thank you for your payment", "Amount paid: 45.00 EUR", "Cash", "Page 1 of 1"],
        ])
        let document = try DocumentConverter.convert(bytes: bytes).document
        let segments = document.meta.segments
        #expect(segments.map { "\($0.firstPage)-\($0.lastPage)" } == ["1-2", "3-3"])
        #expect(segments.map(\.signal) == ["start", "page-number-reset"])
        #expect(segments.first?.type == "invoice")
        #expect(segments.last?.type == "receipt")
    }

    /// A PDF whose pages open with a title in 22 pt (when given) above lines in 11 pt, without page numbers.
    func titled(_ pages: [(title: String?, lines: [String])]) -> [UInt8] {
        var pdf = PDFFixture()
        let font = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        for page in pages {
            var content = "BT"
            if let title = page.title { content += " /F1 22 Tf 1 0 0 1 72 740 Tm (\(title)) Tj" }
            content += " /F1 11 Tf 1 0 0 1 72 700 Tm"
            for line in page.lines { content += " (\(line)) Tj 0 -16 Td" }
            pdf.addPage(content: content + " ET", resources: "<< /Font << /F1 \(font) 0 R >> >>")
        }
        return pdf.data()
    }

    @Test("a bundle without page numbers: each document starts where a page's title names another type")
    func titledParts() throws {
        let bytes = titled([
            (
                "Huurovereenkomst",
                [
                    "Tussen de verhuurder J. Bakker en de huurder P. Smit.", "Artikel 1 Het gehuurde",
                    "De huurprijs bedraagt 950 euro per maand.", "Artikel 2 Opzegging",
                ]
            ),
            (nil, ["Artikel 3 Onderhoud", "Partijen komen overeen dat de huurder klein onderhoud verricht."]),
            ("Scontrino", ["Cassa 2", "Pane 1,20", "Latte 0,99", "Totale 2,19", "Pagato con carta", "Grazie"]),
            (
                "Kontoauszug",
                [
                    "Kontoinhaber: Erika Muster", "Alter Kontostand 1.200,00", "Miete -950,00",
                    "Neuer Kontostand 250,00",
                ]
            ),
        ])
        let document = try DocumentConverter.convert(bytes: bytes).document
        let segments = document.meta.segments
        #expect(segments.map { "\($0.firstPage)-\($0.lastPage)" } == ["1-2", "3-3", "4-4"])
        #expect(segments.map(\.type) == ["contract", "receipt", "statement"])
        #expect(segments.first?.subtype == "lease")
        #expect(document.documentType.type == "contract" && document.documentType.subtype == "bundle")
        // The conversion's own type (what info mode reads) says the same.
        #expect(try DocumentConverter.convert(bytes: bytes).documentType.subtype == "bundle")
    }

    @Test("a second document of the same type but another kind starts a segment: a licence after a lease")
    func sameTypeOtherKind() throws {
        let bytes = titled([
            (
                "Residential Lease Agreement",
                [
                    "Between the landlord J. Baker and the tenant P. Smith.", "1. Premises",
                    "The monthly rent is 950 EUR, payable in advance.", "2. Term of the lease",
                ]
            ),
            ("Software Licence Agreement", ["1. Grant of licence", "The licensor grants the licensee a licence."]),
        ])
        let segments = try DocumentConverter.convert(bytes: bytes).document.meta.segments
        #expect(segments.map { "\($0.firstPage)-\($0.lastPage)" } == ["1-1", "2-2"])
        #expect(segments.map(\.subtype) == ["lease", "licence"])
    }

    @Test("a long document's chapter titles in the same type do not cut it")
    func chapters() throws {
        let bytes = titled([
            ("Employee Handbook", ["1 Working hours", "Core hours are 10:00 to 15:00 for all employees."]),
            ("Leave policy", ["Employees take annual leave after agreeing it with their manager."]),
            ("Travel policy", ["Employees book travel through the intranet and keep receipts."]),
        ])
        let document = try DocumentConverter.convert(bytes: bytes).document
        #expect(document.meta.segments.count == 1)
        #expect(document.documentType.type == "manual" && document.documentType.subtype == "policy-handbook")
    }

    @Test("without a title, a section heading that names no type starts no document, whatever the text below says")
    func untitledSections() throws {
        var pdf = PDFFixture()
        let regular = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        let bold = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
        let pages: [[(heading: String, lines: [String])]] = [
            [
                ("SYNOPSIS", ["till [OPTION...] FILE", "Records sales from the command line."]),
                ("DESCRIPTION", ["till prints what a shop sold; see the options below for each report it makes."]),
            ],
            [
                (
                    "PAYMENT OPTIONS",
                    [
                        "The receipt shows the cashier and the change.", "Paid by card: the card receipt is kept.",
                        "Thank you for shopping is printed last.",
                    ]
                ),
                ("EXIT STATUS", ["0 when every sale was recorded, 1 otherwise."]),
            ],
        ]
        for page in pages {
            var content = "BT 1 0 0 1 72 740 Tm"
            for section in page {
                content += " /F1 11 Tf (\(section.heading)) Tj 0 -20 Td /F0 11 Tf"
                for line in section.lines { content += " (\(line)) Tj 0 -16 Td" }
                content += " 0 -10 Td"
            }
            pdf.addPage(
                content: content + " ET",
                resources: "<< /Font << /F0 \(regular) 0 R /F1 \(bold) 0 R >> >>"
            )
        }
        let document = try DocumentConverter.convert(bytes: pdf.data()).document
        #expect(document.meta.segments.count == 1, "\(document.meta.segments)")
        #expect(document.documentType.type == "manual")
    }

    @Test("one document is one segment")
    func single() throws {
        let bytes = document([["Annual report", "Page 1 of 2"], ["Results", "Page 2 of 2"]])
        let segments = try DocumentConverter.convert(bytes: bytes).document.meta.segments
        #expect(segments.count == 1)
        #expect(segments.first?.firstPage == 1 && segments.first?.lastPage == 2)
    }

    @Test("table cells carry semantic tags, labelled by their column")
    func cellTags() throws {
        var content = "BT /F1 10 Tf"
        let rows = [
            ["Item", "Date", "Amount"], ["Widget", "01.02.2024", "1.234,56 €"], ["Gadget", "03.02.2024", "99,00 €"],
        ]
        for (index, row) in rows.enumerated() {
            for (column, cell) in row.enumerated() {
                // WinAnsi's euro sign is byte 0x80 (octal 200 in a PDF string).
                let encoded = cell.replacing("€", with: "\\200")
                content += " 1 0 0 1 \(72 + column * 150) \(700 - index * 18) Tm (\(encoded)) Tj"
            }
        }
        var pdf = PDFFixture()
        let font = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        pdf.addPage(content: content + " ET", resources: "<< /Font << /F1 \(font) 0 R >> >>")
        let document = try DocumentConverter.convert(bytes: pdf.data()).document
        let table = try #require(
            document.sections.first?.blocks.compactMap { block -> Table? in
                if case .table(let table) = block { return table }
                return nil
            }.first
        )
        #expect(table.rowTags.first?[1]?.semantic == "date")
        #expect(table.rowTags.first?[1]?.normalized == "2024-02-01")
        #expect(table.rowTags.first?[2]?.normalized == "1234.56")
        #expect(table.rowTags.first?[2]?.unit == "EUR")
        #expect(table.rowTags.first?[0] == nil)
        #expect(document.json().contains(#""semantic":"amount","normalized":"99.00","unit":"EUR""#))
    }
}
