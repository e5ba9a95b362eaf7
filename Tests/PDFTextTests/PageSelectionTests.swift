import PDFText
import Testing

@Suite("Page selection")
struct PageSelectionTests {
    @Test(
        "parses valid selections",
        arguments: [
            ("1", [1]),
            ("1-3", [1, 2, 3]),
            ("1-11,18", Array(1...11) + [18]),
            (" 2 - 4 , 1 ", [1, 2, 3, 4]),
            ("3,3,2-3", [2, 3]),
            ("20-22", [20, 21, 22]),
        ]
    )
    func parses(text: String, expected: [Int]) throws {
        let selection = try PageSelection(parsing: text, pageCount: 22)
        #expect(selection.pages == expected)
    }

    @Test(
        "refuses malformed or out-of-range selections",
        arguments: ["", " ", "0", "3-1", "1-", "-2", "a", "1,,2", "1-2-3", "23", "5-40", "1.5", "١"]
    )
    func refuses(text: String) {
        #expect(throws: PDFError.self) { try PageSelection(parsing: text, pageCount: 22) }
        do {
            _ = try PageSelection(parsing: text, pageCount: 22)
        } catch let error as PDFError {
            #expect(error.code == .badPageRange)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("prints the canonical form")
    func canonical() throws {
        #expect(try PageSelection(parsing: "7, 1-3, 2, 9-10", pageCount: 10).description == "1-3,7,9-10")
        #expect(PageSelection.all(3).description == "1-3")
    }
}
