import PDFFixtures
import PDFText
import Testing

@Suite("Refusals carry coded errors")
struct RefusalTests {
    private func code(_ body: () throws -> Void) -> PDFError.Code? {
        do {
            try body()
            return nil
        } catch let error as PDFError {
            return error.code
        } catch {
            return nil
        }
    }

    @Test("a text file is not a PDF")
    func notPDF() {
        #expect(code { _ = try PDFDocument(bytes: Array("just some text\n".utf8)) } == .notPDF)
        #expect(code { _ = try PDFDocument(bytes: []) } == .notPDF)
    }

    @Test("an unreadable path is reported as retryable")
    func unreadable() {
        do {
            _ = try PDFDocument(path: "/nonexistent/skillspool/file.pdf")
            Issue.record("opened a missing file")
        } catch let error as PDFError {
            #expect(error.code == .unreadable)
            #expect(error.isRetryable)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("a document without pages is empty")
    func empty() {
        var pdf = PDFFixture()
        pdf.add("<< /Producer (test) >>")
        #expect(code { _ = try PDFDocument(bytes: pdf.data()) } == .emptyPDF)
    }

    @Test("garbage after the header is damaged beyond recovery")
    func damaged() {
        #expect(code { _ = try PDFDocument(bytes: Array("%PDF-1.7\n\u{01}\u{02}garbage".utf8)) } == .damaged)
        // A catalog whose page tree is missing reads as a document without pages.
        let noTree = Array(
            "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8
        )
        #expect(code { _ = try PDFDocument(bytes: noTree) } == .emptyPDF)
    }

    @Test("encrypted files: password required, bad password, user and owner password")
    func passwords() throws {
        let encrypted = TestSupport.encrypt(PDFFixture.helloWorld("Secret text"), user: "user-pw", owner: "owner-pw")
        #expect(code { _ = try PDFDocument(bytes: encrypted) } == .passwordRequired)
        #expect(code { _ = try PDFDocument(bytes: encrypted, password: "wrong") } == .badPassword)
        for password in ["user-pw", "owner-pw"] {
            let document = try PDFDocument(bytes: encrypted, password: password)
            #expect(document.isEncrypted)
            let text = try document.extractPages(.all(1))[0].glyphs.map(\.text).joined()
            #expect(text == "Secret text")
        }
    }

    @Test("an empty user password opens without asking")
    func emptyUserPassword() throws {
        let encrypted = TestSupport.encrypt(PDFFixture.helloWorld("Open"), user: "", owner: "owner-pw")
        let document = try PDFDocument(bytes: encrypted)
        #expect(try document.extractPages(.all(1))[0].glyphs.map(\.text).joined() == "Open")
    }

    @Test("more pages than the limit")
    func maxPages() throws {
        var pdf = PDFFixture()
        for _ in 0..<3 { pdf.addPage(content: "") }
        #expect(
            code { _ = try PDFDocument(bytes: pdf.data(), limits: ConversionLimits(maxPages: 2)) } == .maxPagesExceeded
        )
        #expect(try PDFDocument(bytes: pdf.data(), limits: ConversionLimits(maxPages: 3)).pageCount == 3)
        #expect(ConversionLimits(maxPages: 100_000).maxPages == ConversionLimits.absoluteMaxPages)
    }

    @Test("too many operators on a page")
    func operators() {
        let content = String(repeating: "q Q ", count: 200)
        let bytes = TestSupport.singleFont("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", content: content)
        #expect(
            code { _ = try TestSupport.page(bytes, limits: ConversionLimits(maxOperatorsPerPage: 100)) }
                == .tooManyOperators
        )
        #expect(code { _ = try TestSupport.page(bytes, limits: ConversionLimits(maxOperatorsPerPage: 1000)) } == nil)
    }

    @Test("Form XObjects nested deeper than the limit")
    func xobjectDepth() {
        var pdf = PDFFixture()
        // Object numbers: forms are 3, 4, 5, … each drawing the next one.
        let depth = 6
        for level in 0..<depth {
            let next = level + 4
            let content = level == depth - 1 ? "" : "/X Do"
            let resources = level == depth - 1 ? "<< >>" : "<< /XObject << /X \(next) 0 R >> >>"
            pdf.addStream(
                Array(content.utf8),
                dictionary: "/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources \(resources)"
            )
        }
        pdf.addPage(content: "/X Do", resources: "<< /XObject << /X 3 0 R >> >>")
        #expect(
            code { _ = try TestSupport.page(pdf.data(), limits: ConversionLimits(maxXObjectDepth: 3)) }
                == .xobjectTooDeep
        )
        #expect(code { _ = try TestSupport.page(pdf.data(), limits: ConversionLimits(maxXObjectDepth: 10)) } == nil)
    }

    @Test("a stream that decodes past the limit")
    func streamLimit() {
        let content = "BT /F1 12 Tf 72 700 Td (" + String(repeating: "A", count: 5000) + ") Tj ET"
        let bytes = TestSupport.singleFont("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", content: content)
        #expect(
            code { _ = try TestSupport.page(bytes, limits: ConversionLimits(maxStreamBytes: 1000)) } == .streamTooLarge
        )
        #expect(
            code { _ = try TestSupport.page(bytes, limits: ConversionLimits(maxDocumentBytes: 1000)) }
                == .documentTooLarge
        )
    }

    @Test("glyphs and operators are budgeted over the whole document, not only per page")
    func documentBudgets() throws {
        let glyphs = PDFFixture.glyphBomb(pages: 20, glyphs: 2_000)
        let glyphLimits = ConversionLimits(maxGlyphsPerDocument: 10_000)
        #expect(code { _ = try PDFDocument(bytes: glyphs, limits: glyphLimits).extractPages(.all(20)) } == .glyphBudget)
        // Within the budget the same file converts, each page keeping its glyphs.
        let pages = try PDFDocument(bytes: glyphs, limits: ConversionLimits(maxGlyphsPerDocument: 40_000))
            .extractPages(.all(20))
        #expect(pages.map(\.glyphs.count) == Array(repeating: 2_000, count: 20))

        let operators = PDFFixture.operatorBomb(pages: 10, repetitions: 1_000)
        let operatorLimits = ConversionLimits(maxOperatorsPerDocument: 15_000)
        #expect(
            code { _ = try PDFDocument(bytes: operators, limits: operatorLimits).extractPages(.all(10)) }
                == .operatorBudget
        )
        #expect(try PDFDocument(bytes: operators).extractPages(.all(10)).count == 10)
    }
}
