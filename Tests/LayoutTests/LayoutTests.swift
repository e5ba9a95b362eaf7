import DocumentModel
import Layout
import PDFFixtures
import PDFText
import Testing

@Suite("Words, lines and reading order")
struct LayoutTests {
    private func convert(_ pages: [String], font: String = "/Helvetica") throws -> Conversion {
        var pdf = PDFFixture()
        let fontObject = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont \(font) /Encoding /WinAnsiEncoding >>")
        for content in pages { pdf.addPage(content: content, resources: "<< /Font << /F1 \(fontObject) 0 R >> >>") }
        return try DocumentConverter.convert(bytes: pdf.data())
    }

    @Test("word breaks come from gaps between glyphs, not only from space characters")
    func wordGaps() throws {
        // TeX-style: no space glyphs, words positioned with TJ offsets.
        let conversion = try convert(["BT /F1 10 Tf 72 700 Td [(Hello) -300 (world) -20 (s) 80 (!)] TJ ET"])
        #expect(conversion.layouts[0].text == "Hello worlds!")
    }

    @Test("a space character drawn into the letter before it parts no words; one that leaves room does")
    func drawnSpaces() throws {
        // As groff sets kerned capitals: "PA", a space, a move back over it, "TTERNS".
        let kerned = try convert(["BT /F1 10 Tf 72 700 Td [(grep PA) ( ) 320 (TTERNS FILE)] TJ ET"])
        #expect(kerned.layouts[0].text == "grep PATTERNS FILE")
        let spaced = try convert(["BT /F1 10 Tf 72 700 Td [(grep PA) ( ) 200 (TTERNS)] TJ ET"])
        #expect(spaced.layouts[0].text == "grep PA TTERNS")
    }

    @Test("the document information's title is kept in the metadata, its spacing tidied")
    func metadataTitle() throws {
        var pdf = PDFFixture()
        let font = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        pdf.addPage(content: "BT /F1 10 Tf 72 700 Td (Body.) Tj ET", resources: "<< /Font << /F1 \(font) 0 R >> >>")
        let info = pdf.add("<< /Title (Debian  Python Policy\\n0.12 documentation) /Producer (Skia/PDF) >>")
        let conversion = try DocumentConverter.convert(bytes: pdf.data(trailerExtra: "/Info \(info) 0 R"))
        #expect(conversion.document.meta.title == "Debian Python Policy 0.12 documentation")
        #expect(conversion.document.json().contains("\"title\":\"Debian Python Policy 0.12 documentation\""))
        let untitled = try DocumentConverter.convert(
            bytes: PDFFixture.helvetica("BT /F1 10 Tf 72 700 Td (Body.) Tj ET")
        )
        #expect(untitled.document.meta.title == nil)
    }

    @Test("hyphenated line ends are joined; compounds before a capital keep their hyphen")
    func hyphenation() throws {
        let content = "BT /F1 10 Tf 12 TL 72 700 Td (A configu-) Tj T* (ration and Schwarz-) Tj T* (Weiss text.) Tj ET"
        #expect(try convert([content]).layouts[0].text == "A configuration and Schwarz-Weiss text.")
    }

    @Test("over-printed glyphs (fake bold) are removed")
    func duplicates() throws {
        let content =
            "BT /F1 10 Tf 72 700 Td (Bold) Tj ET BT /F1 10 Tf 72.3 700 Td (Bold) Tj ET BT /F1 10 Tf 72 680 Td (next) Tj ET"
        #expect(try convert([content]).layouts[0].text == "Bold\n\nnext")
    }

    @Test("a doubled narrow letter set tight stays two letters; over-printed, it is still one")
    func doubledNarrowLetters() throws {
        // -0.5 Tc: each "l" advances 1.72 pt at 10 pt, closer than the over-print tolerance (2 pt).
        #expect(try convert(["BT /F1 10 Tf -0.5 Tc 72 700 Td (fellow) Tj ET"]).layouts[0].text == "fellow")
        let bold = "BT /F1 10 Tf -0.5 Tc 72 700 Td (fellow) Tj ET BT /F1 10 Tf -0.5 Tc 72.4 700 Td (fellow) Tj ET"
        #expect(try convert([bold]).layouts[0].text == "fellow")
    }

    @Test("columns are read one after the other in stream order, paragraphs become blocks")
    func columns() throws {
        var content = "BT /F1 10 Tf 12 TL 72 700 Td "
        for line in ["Left one", "left two", "left three"] { content += "(\(line)) Tj T* " }
        content += "ET BT /F1 10 Tf 12 TL 320 700 Td "
        for line in ["Right one", "right two"] { content += "(\(line)) Tj T* " }
        content += "ET"
        let layout = try convert([content]).layouts[0]
        #expect(layout.blocks.count == 2)
        #expect(layout.text == "Left one left two left three\n\nRight one right two")
    }

    @Test("a stream that jumps around the page falls back to geometric order")
    func scrambled() throws {
        var content = "BT /F1 10 Tf "
        for (y, word) in [(500, "three"), (700, "one"), (400, "four"), (600, "two"), (300, "five")] {
            content += "1 0 0 1 72 \(y) Tm (\(word)) Tj "
        }
        content += "ET"
        #expect(try convert([content]).layouts[0].text == "one\n\ntwo\n\nthree\n\nfour\n\nfive")
    }

    @Test("cells of a row drawn apart (even right to left) read as one line")
    func rows() throws {
        let content = "BT /F1 10 Tf 1 0 0 1 400 700 Tm (12572103) Tj 1 0 0 1 72 700 Tm (Order number:) Tj ET"
        let conversion = try convert([content])
        #expect(conversion.layouts[0].text == "Order number: 12572103")
    }

    @Test("right-to-left lines are put in logical order")
    func rightToLeft() {
        #expect(Bidi.reverseRightToLeftRuns("םולש") == "שלום")
        #expect(Bidi.reverseRightToLeftRuns("םולש2024") == "2024שלום")
    }

    @Test("running headers, footers and page numbers are marked and kept out of the body text")
    func furniture() throws {
        let pages = (1...3).map { number in
            "BT /F1 8 Tf 72 760 Td (ACME Corp Annual Report) Tj ET BT /F1 10 Tf 72 600 Td (Body of page \(number).) Tj ET BT /F1 8 Tf 300 40 Td (Page \(number) of 3) Tj ET"
        }
        let conversion = try convert(pages)
        let roles = conversion.layouts[1].blocks.map(\.role)
        #expect(roles == [.header, nil, .pageNumber])
        #expect(conversion.layouts[1].text == "Body of page 2.")
        // The text is the body: a paragraph running on to the next page is not interrupted by the header.
        #expect(conversion.text == "Body of page 1.\n\u{0C}Body of page 2.\n\u{0C}Body of page 3.\n")
        let json = conversion.document.json()
        #expect(json.contains("\"role\":\"header\"") && json.contains("\"role\":\"page-number\""))
    }

    @Test("a running line with the page's number is furniture even when it holds more numbers (a version, a date)")
    func numberedRunningLine() throws {
        let pages = (1...3).map { number in
            "BT /F1 10 Tf 72 600 Td (Body of page \(number).) Tj ET "
                + "BT /F1 10 Tf 72 40 Td [(GNU grep 3.8) -8000 (2019-12-29) -8000 (\(number))] TJ ET"
        }
        let conversion = try convert(pages)
        #expect(conversion.layouts.map { $0.blocks.map(\.role) } == Array(repeating: [nil, .footer], count: 3))
        #expect(conversion.text == "Body of page 1.\n\u{0C}Body of page 2.\n\u{0C}Body of page 3.\n")
    }

    /// Three lines of 11-point body text: enough to outweigh small print, as on any real page.
    private var bodyParagraph: String {
        (0..<3).map { line in
            "BT /F1 11 Tf 72 \(700 - 14 * line) Td (Line \(line + 1) of a paragraph of body text in the usual size.) "
                + "Tj ET"
        }.joined(separator: " ")
    }

    @Test("a running header left off the first page of a two-page document is still a header")
    func headerOnSecondPageOnly() throws {
        let body = bodyParagraph
        let pages = [
            body + " BT /F1 8 Tf 280 40 Td (Page 1 of 2) Tj ET",
            "BT /F1 8 Tf 72 760 Td (ACME Corp Annual Report 2024) Tj ET " + body
                + " BT /F1 8 Tf 280 40 Td (Page 2 of 2) Tj ET",
        ]
        let conversion = try convert(pages)
        #expect(conversion.layouts[1].blocks.map(\.role) == [.header, nil, .pageNumber])
        #expect(!conversion.text.contains("ACME"))
    }

    @Test(
        "small print at the foot of a single page: a note with a reference mark is body text, other lines are a footer",
        arguments: [
            ("1 Arrays are converted before they are indexed.", false),
            ("* Figures for 2023 are estimates.", false),
            ("ACME GmbH - Registergericht Berlin HRB 12345 - acme.example", true),
            ("2024 Annual statement of accounts", true),
        ]
    )
    func footOfPage(text: String, isFooter: Bool) throws {
        let content = bodyParagraph + " BT /F1 7 Tf 72 40 Td (\(text)) Tj ET"
        let conversion = try convert([content])
        let roles = conversion.layouts[0].blocks.map(\.role)
        #expect(roles == [nil, isFooter ? .footer : nil])
        #expect(conversion.text.contains(text) == !isFooter)
    }

    @Test(
        "page numbers are recognised",
        arguments: [
            "3", "- 3 -", "– 12 –", "2/6", "12 13", "Page 3", "Page 3 of 7", "Seite 2 von 5", "iv", "Page1 of2", "Página 4 de5",
        ]
    )
    func pageNumbers(text: String) {
        #expect(PageFurniture.isPageNumber(text))
    }

    @Test(
        "ordinary short lines are not page numbers",
        arguments: [
            "Total 3", "Chapter", "3 apples", "2021-04-01", "A4", "Page 2nd", "Total3", "X2", "2005 2010", "2019  2023",
        ]
    )
    func notPageNumbers(text: String) {
        #expect(!PageFurniture.isPageNumber(text))
    }

    @Test("page selection and bounds reach the document")
    func selection() throws {
        var pdf = PDFFixture()
        let font = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        for word in ["one", "two", "three"] {
            pdf.addPage(
                content: "BT /F1 10 Tf 72 700 Td (\(word)) Tj ET",
                resources: "<< /Font << /F1 \(font) 0 R >> >>"
            )
        }
        var options = ConversionOptions(pages: "2-3", bounds: true)
        options.bounds = true
        let conversion = try DocumentConverter.convert(bytes: pdf.data(), options: options)
        #expect(conversion.document.sections.map(\.index) == [1, 2])
        #expect(conversion.text == "two\n\u{0C}three\n")
        let json = conversion.document.json()
        #expect(json.contains("\"bounds\":[72,"))
        #expect(json.contains("\"pages\":\"2-3\""))
    }
}
