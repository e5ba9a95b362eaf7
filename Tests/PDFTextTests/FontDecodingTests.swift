import PDFFixtures
import PDFText
import Testing

@Suite("Font decoding paths")
struct FontDecodingTests {
    private let show = "BT /F1 10 Tf 72 700 Td"

    @Test("standard 14 font with a base encoding and AFM widths")
    func standardFont() throws {
        let bytes = TestSupport.singleFont(
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            content: "\(show) (Caf\\351 \\200 50) Tj ET"
        )
        let glyphs = try TestSupport.glyphs(bytes)
        #expect(glyphs.map(\.text).joined() == "Café € 50")
        // Helvetica 'C' is 722/1000 em wide: 7.22 pt at 10 pt.
        #expect(abs(glyphs[0].advance - 7.22) < 0.01)
        #expect(abs(glyphs[1].x - (72 + 7.22)) < 0.01)
    }

    @Test(
        "base encodings",
        arguments: [
            ("MacRomanEncoding", "\\216", "é"),
            ("WinAnsiEncoding", "\\226", "–"),
            ("StandardEncoding", "\\341", "Æ"),
            ("PDFDocEncoding", "\\240", "€"),
        ]
    )
    func baseEncodings(encoding: String, code: String, expected: String) throws {
        let bytes = TestSupport.singleFont(
            "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /\(encoding) >>",
            content: "\(show) (\(code)) Tj ET"
        )
        let text = try TestSupport.text(bytes)
        #expect(text == expected)
    }

    @Test("Differences with list names, uniXXXX, uXXXXX, suffixes and ligatures")
    func differences() throws {
        let bytes = TestSupport.singleFont(
            """
            << /Type /Font /Subtype /Type1 /BaseFont /Custom /FirstChar 1 /LastChar 6 /Widths [500 500 500 500 500 500]
               /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding
                 /Differences [1 /Aacute /uni20AC /u1F600 /a.sc /f_f_i /fi] >> >>
            """,
            content: "\(show) <010203040506> Tj ET"
        )
        let text = try TestSupport.text(bytes)
        #expect(text == "Á€😀affiﬁ")  // ligatures stay ligatures at glyph level
    }

    @Test("ligatures a ToUnicode map leaves out or maps to a space read by their glyph names")
    func ligaturesByName() throws {
        // <01> draws T_h but the map says space; <02> draws f_i and the map has no entry; <03> is a real space.
        let cmap = PDFFixture.toUnicodeCMap(
            codespace: "<00> <FF>",
            bfchar: ["<01> <0020>", "<03> <0020>", "<65> <0065>", "<72> <0072>", "<73> <0073>", "<74> <0074>"]
        )
        let bytes = TestSupport.singleFont(
            """
            << /Type /Font /Subtype /Type1 /BaseFont /Custom /FirstChar 1 /LastChar 116 /ToUnicode 3 0 R
               /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [1 /T_h /f_i /space] >> >>
            """,
            content: "\(show) <01650302727374> Tj ET",
            setup: { pdf in pdf.addStream(cmap) }
        )
        let text = try TestSupport.text(bytes)
        #expect(text == "The first")
    }

    @Test("Symbol font built-in encoding")
    func symbol() throws {
        let bytes = TestSupport.singleFont(
            "<< /Type /Font /Subtype /Type1 /BaseFont /Symbol >>",
            content: "\(show) (abp\\245) Tj ET"
        )
        let text = try TestSupport.text(bytes)
        #expect(text == "αβπ∞")
    }

    @Test("ToUnicode with bfchar, bfrange (offset and array form) over two-byte codes")
    func toUnicode() throws {
        let cmap = PDFFixture.toUnicodeCMap(
            codespace: "<0000> <FFFF>",
            bfchar: ["<0001> <\(PDFFixture.utf16Hex("Ž"))>"],
            bfrange: [
                "<0010> <0012> <0061>",
                "<0020> <0021> [<\(PDFFixture.utf16Hex("ﬁ"))> <\(PDFFixture.utf16Hex("𝄞"))>]",
            ]
        )
        let bytes = TestSupport.singleFont(
            """
            << /Type /Font /Subtype /Type0 /BaseFont /Test /Encoding /Identity-H /ToUnicode 3 0 R
               /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Test /DW 600
                 /W [16 [400 450] 32 33 700]
                 /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>] >>
            """,
            content: "\(show) <0001001000110012002000210099> Tj ET",
            setup: { pdf in pdf.addStream(cmap) }
        )
        let glyphs = try TestSupport.glyphs(bytes)
        #expect(glyphs.filter(\.isMapped).map(\.text).joined() == "Žabcﬁ𝄞")
        #expect(abs(glyphs[1].advance - 4.0) < 0.01)  // W: CID 16 → 400
        #expect(abs(glyphs[2].advance - 4.5) < 0.01)  // CID 17 → 450
        #expect(abs(glyphs[3].advance - 6.0) < 0.01)  // CID 18 → DW 600
        #expect(abs(glyphs[4].advance - 7.0) < 0.01)  // CID 32..33 → 700
        // CID 0x99 has no mapping anywhere: counted, never printed as garbage.
        let page = try TestSupport.page(bytes)
        #expect(page.unmappedGlyphCount == 1)
        #expect(!glyphs.contains { $0.text.contains("cid") || $0.text.contains("\u{FFFD}") })
    }

    @Test("Identity-H without ToUnicode falls back to the embedded TrueType cmap")
    func trueTypeFallback() throws {
        let program = FontPrograms.trueType(mapping: ["Č", "e", "s", "k", "ý"])
        let bytes = TestSupport.singleFont(
            """
            << /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Embedded /Encoding /Identity-H
               /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Embedded /CIDToGIDMap /Identity
                 /FontDescriptor << /Type /FontDescriptor /FontName /ABCDEF+Embedded /Flags 4 /FontFile2 3 0 R >> >>] >>
            """,
            content: "\(show) <00010002000300040005> Tj ET",
            setup: { pdf in pdf.addStream(program) }
        )
        let text = try TestSupport.text(bytes)
        #expect(text == "Český")
    }

    @Test("a symbolic simple TrueType font without encoding reads its (3,1) cmap through glyph ids")
    func simpleTrueTypeGlyphNames() throws {
        let program = FontPrograms.trueType(mapping: ["Ł", "ó", "d", "ź"])
        let bytes = TestSupport.singleFont(
            """
            << /Type /Font /Subtype /TrueType /BaseFont /Embedded /FirstChar 1 /LastChar 4 /Widths [500 500 500 500]
               /Encoding << /Differences [1 /g1 /g2 /g3 /g4] >>
               /FontDescriptor << /Type /FontDescriptor /FontName /Embedded /Flags 4 /FontFile2 3 0 R >> >>
            """,
            content: "\(show) <01020304> Tj ET",
            setup: { pdf in pdf.addStream(program) }
        )
        let text = try TestSupport.text(bytes)
        #expect(text == "Łódź")
    }

    @Test("an embedded Type 1 font's built-in encoding")
    func type1BuiltInEncoding() throws {
        let program = FontPrograms.type1(encoding: [(1, "germandbls"), (2, "adieresis"), (3, "quotedblbase")])
        let bytes = TestSupport.singleFont(
            """
            << /Type /Font /Subtype /Type1 /BaseFont /Test /FirstChar 1 /LastChar 3 /Widths [500 500 500]
               /FontDescriptor << /Type /FontDescriptor /FontName /Test /Flags 4 /FontFile 3 0 R >> >>
            """,
            content: "\(show) <010203> Tj ET",
            setup: { pdf in pdf.addStream(program, dictionary: "/Length1 100 /Length2 3 /Length3 0") }
        )
        let text = try TestSupport.text(bytes)
        #expect(text == "ßä„")
    }

    @Test("an embedded CFF font's charset names and built-in encoding")
    func cffBuiltInEncoding() throws {
        // SID 34 = "A", 35 = "B" in the CFF standard strings; "uni0161" is a custom string.
        let program = FontPrograms.cff(names: [("A", 34), ("B", 35), ("uni0161", nil)], codes: [0x01, 0x02, 0x03])
        let bytes = TestSupport.singleFont(
            """
            << /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+Test /FirstChar 1 /LastChar 3 /Widths [600 600 600]
               /FontDescriptor << /Type /FontDescriptor /FontName /ABCDEF+Test /Flags 4 /FontFile3 3 0 R >> >>
            """,
            content: "\(show) <010203> Tj ET",
            setup: { pdf in pdf.addStream(program, dictionary: "/Subtype /Type1C") }
        )
        let text = try TestSupport.text(bytes)
        #expect(text == "ABš")
    }

    @Test("Type 3 font: FontMatrix scales widths")
    func type3() throws {
        let bytes = TestSupport.singleFont(
            """
            << /Type /Font /Subtype /Type3 /FontBBox [0 0 100 100] /FontMatrix [0.01 0 0 0.01 0 0]
               /CharProcs << /a 3 0 R /b 3 0 R >> /Encoding << /Differences [65 /a /b] >>
               /FirstChar 65 /LastChar 66 /Widths [50 80] /Resources << >> >>
            """,
            content: "\(show) (AB) Tj ET",
            setup: { pdf in pdf.addStream(Array("50 0 d0".utf8)) }
        )
        let glyphs = try TestSupport.glyphs(bytes)
        #expect(glyphs.map(\.text).joined() == "ab")
        #expect(abs(glyphs[0].advance - 5) < 0.01)  // 50 × 0.01 × 10 pt
        #expect(abs(glyphs[1].x - 77) < 0.01)
    }

    @Test("Identity-V writes downwards")
    func vertical() throws {
        let cmap = PDFFixture.toUnicodeCMap(
            codespace: "<0000> <FFFF>",
            bfrange: ["<0001> <0003> <\(PDFFixture.utf16Hex("あ"))>"]
        )
        let bytes = TestSupport.singleFont(
            """
            << /Type /Font /Subtype /Type0 /BaseFont /Mincho /Encoding /Identity-V /ToUnicode 3 0 R
               /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Mincho /DW 1000 >>] >>
            """,
            content: "BT /F1 20 Tf 300 700 Td <000100020003> Tj ET",
            setup: { pdf in pdf.addStream(cmap) }
        )
        let glyphs = try TestSupport.glyphs(bytes)
        #expect(glyphs.map(\.text).joined() == "あぃい")
        #expect(glyphs.allSatisfy { $0.directionY > 0.99 })
        #expect(abs(glyphs[1].y - glyphs[0].y - 20) < 0.01)
    }

    @Test("predefined legacy CMap: Shift-JIS codes")
    func legacyCMap() throws {
        let bytes = TestSupport.singleFont(
            """
            << /Type /Font /Subtype /Type0 /BaseFont /MS-Mincho /Encoding /90ms-RKSJ-H
               /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /MS-Mincho
                 /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> >>] >>
            """,
            content: "\(show) <93FA967B8CEA41> Tj ET"
        )
        let text = try TestSupport.text(bytes)
        #expect(text == "日本語A")
    }

    @Test("marked content with ActualText replaces the glyphs it covers")
    func actualText() throws {
        let bytes = TestSupport.singleFont(
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            content:
                "\(show) (x) Tj /Span << /ActualText (\\376\\377\\000f\\000i) >> BDC (?) Tj EMC (y) Tj /Artifact << /ActualText () >> BDC (junk) Tj EMC ET"
        )
        let text = try TestSupport.text(bytes)
        #expect(text == "xfiy")
    }
}

@Suite("Hostile nesting")
struct HostileNestingTests {
    @Test(
        "brackets nested hundreds of thousands deep are skipped, not recursed into",
        arguments: [("[", 200_000), ("<<", 100_000)]
    )
    func contentStream(bracket: String, count: Int) throws {
        let opening = String(repeating: bracket, count: count)
        let bytes = TestSupport.singleFont(
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            content: "BT /F1 10 Tf 72 700 Td (before) Tj ET \(opening) BT /F1 10 Tf 72 600 Td (after) Tj ET"
        )
        // The unclosed structure swallows the rest of the stream; what matters is that nothing crashes.
        let text = try TestSupport.text(bytes)
        #expect(text.contains("before"))
    }

    @Test("a ToUnicode CMap made of brackets does not exhaust the stack")
    func cmap() throws {
        let cmap = Array(("/CIDInit /ProcSet findresource begin " + String(repeating: "[", count: 200_000)).utf8)
        let bytes = TestSupport.singleFont(
            """
            << /Type /Font /Subtype /Type0 /BaseFont /Test /Encoding /Identity-H /ToUnicode 3 0 R
               /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Test /DW 600
                 /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>] >>
            """,
            content: "BT /F1 10 Tf 72 700 Td <0001> Tj ET",
            setup: { pdf in pdf.addStream(cmap) }
        )
        _ = try TestSupport.glyphs(bytes)
    }
}
