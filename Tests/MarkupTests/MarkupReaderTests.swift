import Archives
import DocumentModel
import Markup
import Testing

/// The readers on hostile and unusual inputs, and format detection.
@Suite struct MarkupReaderTests {
    static func codeOf(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as MarkupError {
            return error.code.rawValue
        } catch {
            return "\(error)"
        }
    }

    @Test(arguments: [
        (Array("%PDF-1.7\n".utf8), nil as SourceFormat?, SourceFormat.pdf as SourceFormat?),
        (Array("junk before %PDF-1.4".utf8), nil, .pdf),
        (Array("<!DOCTYPE html><p>x</p>".utf8), nil, .html),
        (Array("  <html><body>x</body></html>".utf8), .text, .html),
        (Array("# Title\n\ntext".utf8), nil, .markdown),
        (Array("Plain words.\nMore words.".utf8), nil, .text),
        (Array("Plain words.".utf8), .markdown, .markdown),
        ([0x00, 0x01, 0x02, 0xFF, 0x00, 0x10], nil, nil),
    ])
    func detectsTheFormatFromTheBytes(_ bytes: [UInt8], _ hint: SourceFormat?, _ expected: SourceFormat?) {
        #expect(SourceFormat.detect(bytes, hint: hint) == expected)
    }

    @Test func detectsAWordPackage() throws {
        let docx = try DocxFixture(parts: [.paragraph("Hello")]).bytes()
        #expect(SourceFormat.detect(docx) == .docx)
        let otherZip = try ZipWriter.archive([ZipEntry(path: "a.txt", bytes: Array("a".utf8))])
        #expect(SourceFormat.detect(otherZip) == nil)
    }

    @Test func binaryNamedTextIsRefused() {
        let bytes: [UInt8] = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(
            Self.codeOf { _ = try SourceConverter.convert(bytes: bytes, format: .text, options: .init()) }
                == "ERR::INPUT::UNSUPPORTED_FORMAT"
        )
    }

    @Test(arguments: [
        ("html", "<html><body><script>x()</script></body></html>"), ("text", " \n\n \t\n"), ("markdown", "\n\n"),
    ])
    func emptySourcesAreRefused(_ format: String, _ text: String) {
        #expect(
            Self.codeOf {
                _ = try SourceConverter.convert(
                    bytes: Array(text.utf8),
                    format: SourceFormat(rawValue: format),
                    options: .init()
                )
            }
                == "ERR::INPUT::EMPTY_DOCUMENT"
        )
    }

    /// libxml2 stops building the tree at 256 levels (what lies deeper is lost, the file is not refused); below
    /// that the walk flattens what is deeper than its own bound instead of recursing.
    @Test(arguments: [250, 100_000])
    func deepNestingIsReadWithoutRecursionTrouble(_ depth: Int) throws {
        let html =
            "<p>shallow text</p>" + String(repeating: "<div>", count: depth) + "deep text"
            + String(repeating: "</div>", count: depth)
        let source = try HTMLReader.read(Array(html.utf8))
        let texts = source.blocks.map(\.text)
        #expect(texts.contains("shallow text"))
        if depth < 256 { #expect(texts.contains { $0.contains("deep text") }) }
    }

    @Test func spansAreBounded() throws {
        let html =
            "<table><tr><td colspan=\"99999999\">a</td></tr><tr><td rowspan=\"99999999\">b</td><td>c</td></tr></table>"
        let source = try HTMLReader.read(Array(html.utf8))
        guard case .table(let table)? = source.blocks.first else {
            Issue.record("no table")
            return
        }
        #expect(table.grid.count == 2)
        #expect(table.grid[0].count <= 64)
    }

    @Test func spansThatWouldExhaustMemoryAreReadAsSingleCells() throws {
        let cells = String(repeating: "<td colspan=\"64\">a</td>", count: 1_000)
        let rows = String(repeating: "<tr><td rowspan=\"256\">b</td></tr>", count: 1_000)
        let html = "<table><tr>\(cells)</tr>\(rows)</table>"
        let document = try SourceConverter.convert(bytes: Array(html.utf8), format: .html, options: .init()).document
        let tables = document.sections.flatMap(\.blocks).compactMap { if case .table(let t) = $0 { t } else { nil } }
        #expect(tables.first?.columns.count == 1_000)
        // One row of 300,000 cells over 10 rows of one: 3 million positions even without spans, refused.
        let ragged =
            "<table><tr>" + String(repeating: "<td>c</td>", count: 300_000) + "</tr>"
            + String(repeating: "<tr><td>d</td></tr>", count: 10) + "</table>"
        #expect(
            Self.codeOf { _ = try SourceConverter.convert(bytes: Array(ragged.utf8), format: .html, options: .init()) }
                == "ERR::CONVERT::DOCUMENT_TOO_LARGE"
        )
    }

    @Test func aWordPartWithADTDIsRefused() throws {
        let bomb =
            "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"
        let docx = try ZipWriter.archive([ZipEntry(path: "word/document.xml", bytes: Array(bomb.utf8))])
        #expect(Self.codeOf { _ = try DocxReader.read(docx) } == "ERR::INPUT::DAMAGED")
    }

    @Test func aPackageWithoutTheMainPartIsDamaged() throws {
        let zip = try ZipWriter.archive([ZipEntry(path: "word/other.xml", bytes: Array("<x/>".utf8))])
        #expect(Self.codeOf { _ = try DocxReader.read(zip) } == "ERR::INPUT::DAMAGED")
        #expect(Self.codeOf { _ = try DocxReader.read(Array("PK\u{03}\u{04}truncated".utf8)) } == "ERR::INPUT::DAMAGED")
    }

    @Test func aDecompressionBombIsRefused() throws {
        // 300 MB of one byte compresses to about 300 KB; the Word reader stops at 256 MB unpacked.
        let zeros = [UInt8](repeating: 0x20, count: 300 << 20)
        let zip = try ZipWriter.archive([ZipEntry(path: "word/document.xml", bytes: zeros)])
        #expect(Self.codeOf { _ = try DocxReader.read(zip) } == "ERR::CONVERT::DOCUMENT_TOO_LARGE")
    }

    @Test(
        "centred lines at the top of a text file: the first is the title, the rest stay text; a letterhead set to the right is no title"
    )
    func centredTitle() throws {
        let licence = """

                                         Apache License
                                   Version 2.0, January 2004

               TERMS AND CONDITIONS

               1. Definitions. "License" shall mean the terms and conditions for use.
            """
        let source = try PlainTextReader.read(Array(licence.utf8))
        #expect(source.title == "Apache License")
        #expect(source.blocks.first == .paragraph("Version 2.0, January 2004"))
        let letter = """
                                                                  ACME Ltd
                                                             10 King Street

            Dear Sir, we write about your order of 2 May.
            """
        #expect(try PlainTextReader.read(Array(letter.utf8)).title == nil)
    }

    @Test func windows1252AndUTF16TextAreDecoded() throws {
        let latin: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" cr".utf8) + [0xE8] + Array("me ".utf8) + [0x80]
        #expect(try PlainTextReader.read(latin).blocks == [.paragraph("Café crème €")])
        let utf16: [UInt8] = [0xFF, 0xFE] + "Grüße".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try PlainTextReader.read(utf16).blocks == [.paragraph("Grüße")])
    }

    @Test func sectionsStandInForPages() throws {
        var markdown = "# Guide\n\n"
        for chapter in 1...3 {
            markdown += "## Chapter \(chapter)\n\n" + String(repeating: "Words of the chapter. ", count: 300) + "\n\n"
        }
        let document = try SourceConverter.convert(bytes: Array(markdown.utf8), format: .markdown, options: .init())
            .document
        #expect(document.sections.count >= 3)
        #expect(document.meta.pageCount == document.sections.count)
        let selected = try SourceConverter.convert(
            bytes: Array(markdown.utf8),
            format: .markdown,
            options: .init(pages: "2")
        ).document
        #expect(selected.sections.map(\.index) == [1])
    }

    @Test func keyValuesAreTagged() throws {
        let text = "Invoice number: INV-77\nInvoice date: 2026-03-04\nTotal: EUR 1,204.50\n"
        let document = try SourceConverter.convert(bytes: Array(text.utf8), format: .text, options: .init()).document
        let pairs = document.sections.flatMap(\.blocks).flatMap(\.entries).filter { $0.kind == .kv }
        #expect(pairs.map(\.key) == ["Invoice number", "Invoice date", "Total"])
        #expect(pairs[1].semantic == "date")
        #expect(pairs[2].semantic == "amount")
    }
}
