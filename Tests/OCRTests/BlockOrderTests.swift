import Testing

@testable import OCR

/// Words read twice are kept once, lines joined across two blocks are cut, and cells read into another column's
/// lines still make a table.
@Suite("OCR: blocks side by side, words read twice")
struct BlockOrderTests {
    static func word(
        _ text: String,
        _ left: Int,
        _ top: Int,
        line: Int,
        width: Int = 60,
        height: Int = 20
    )
        -> RecognizedWord
    {
        UncoveredInkTests.word(text, left: left, top: top, width: width, height: height, line: line)
    }

    @Test("an address beside a contact block: the line Tesseract joined is cut, and each block is read whole")
    func addressBesideContact() {
        let words = [
            Self.word("Invoice", 10, 10, line: 1), Self.word("12", 600, 10, line: 1),
            // "Bill to" and "Phone" share a line though "Phone" stands 10 px higher.
            Self.word("Bill", 10, 60, line: 2), Self.word("to", 75, 60, line: 2),
            Self.word("Phone:", 600, 50, line: 2), Self.word("555", 665, 50, line: 2),
            Self.word("Acme", 10, 90, line: 3), Self.word("Ltd", 75, 90, line: 3),
            Self.word("Mail:", 600, 80, line: 4), Self.word("a@b.c", 665, 80, line: 4),
            Self.word("Oslo", 10, 120, line: 5),
            // A table row across both blocks ends them.
            Self.word("Item", 10, 200, line: 6), Self.word("Price", 600, 200, line: 6),
        ]
        let ordered = TextRecognizer.columnsApart(words)
        #expect(
            ordered.map(\.text) == [
                "Invoice", "12", "Bill", "to", "Acme", "Ltd", "Oslo", "Phone:", "555", "Mail:", "a@b.c", "Item",
                "Price",
            ]
        )
        #expect(Set(ordered.filter { ["Bill", "Phone:"].contains($0.text) }.map(\.line)).count == 2)
    }

    @Test(
        "a table row stays one line: cells on one baseline, or one end of a box stretched by shading or a descender",
        arguments: [(0, 0), (0, 9), (-9, 0)]
    )
    func tableRowStays(topShift: Int, heightGain: Int) {
        let words = [
            Self.word("Heating", 10, 100, line: 1),
            Self.word("819.93", 600, 100 + topShift, line: 1, height: 20 + heightGain - topShift),
            Self.word("MWh", 700, 100, line: 1),
        ]
        let ordered = TextRecognizer.columnsApart(words)
        #expect(ordered.map(\.text) == ["Heating", "819.93", "MWh"])
        #expect(Set(ordered.map(\.line)).count == 1)
    }

    @Test("a cell the page pass missed joins the nearest column's line, and the table is still read row by row")
    func missedCellJoinsNearestColumn() {
        let date = { (row: Int) in WordOrderTests.line(1, row) }
        let place = { (row: Int) in WordOrderTests.line(2, row) }
        let page = [
            Self.word("2021-10-18", 100, 100, line: date(1), width: 200),
            Self.word("2021-10-20", 100, 140, line: date(2), width: 200),
            Self.word("Weiler", 400, 100, line: place(1)), Self.word("Nordheim", 400, 140, line: place(2)),
        ]
        let found = [
            Self.word("566.55", 900, 101, line: 1 << 32 | 1), Self.word("470.11", 900, 141, line: 2 << 32 | 1),
        ]
        let merged = TextRecognizer.merged(found, into: page)
        #expect(merged.first { $0.text == "566.55" }?.line == place(1))
        let ordered = TextRecognizer.rowsAcrossCells(merged).map(\.text)
        #expect(ordered == ["2021-10-18", "Weiler", "566.55", "2021-10-20", "Nordheim", "470.11"])
    }

    @Test("a word read again over a word the page pass read is left out; one beside a line joins it")
    func readTwice() {
        let page = [
            Self.word("Pos.", 10, 50, line: 1), Self.word("Menge", 300, 50, line: 1),
            Self.word("Total", 10, 90, line: 2),
        ]
        let found = [
            // A dark header band read again: the same words, one misread and taller.
            Self.word("Pos.", 10, 50, line: 1 << 32 | 1), Self.word("nal", 300, 45, line: 1 << 32 | 1, height: 45),
            // A figure on a line joins it, however far across the page.
            Self.word("9,50", 900, 91, line: 2 << 32 | 1),
        ]
        let merged = TextRecognizer.merged(found, into: page)
        #expect(merged.map(\.text) == ["Pos.", "Menge", "Total", "9,50"])
        #expect(merged[3].line == 2)
    }

    @Test("a grey rule that binarisation broke into pieces on one row is no row of dashes; printed dashes are")
    func greyRule() {
        // Line height 20. Printed dashes on white; a rule of grey 150 whose darker pieces (20) fall below the ink
        // threshold at even spacing.
        var pixels = [UInt8](repeating: 250, count: 500 * 300)
        for index in 0..<10 {
            for column in (40 + index * 14)..<(50 + index * 14) {
                for row in 100..<103 { pixels[row * 500 + column] = 20 }
            }
        }
        for column in 40..<440 { pixels[200 * 500 + column] = 150 }
        for index in 0..<12 {
            for column in (40 + index * 32)..<(55 + index * 32) { pixels[200 * 500 + column] = 20 }
        }
        let found = UncoveredInk.regions(
            in: GrayImage(width: 500, height: 300, pixels: pixels),
            outside: [],
            lineHeight: 20
        )
        #expect(found.dashes.map(\.text) == [String(repeating: "-", count: 10)])
        #expect(!found.regions.contains { $0.top <= 200 && $0.bottom > 200 })
    }
}
