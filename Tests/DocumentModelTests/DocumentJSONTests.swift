import DocumentModel
import Foundation
import Testing

@Suite("Document JSON")
struct DocumentJSONTests {
    @Test("a document renders in schema order")
    func document() {
        let document = Self.onePage([Entry(kind: .text, text: "Hi")])
        let json = document.json()
        let typeRange = json.range(of: "\"documentType\"")!
        let metaRange = json.range(of: "\"meta\"")!
        let sectionsRange = json.range(of: "\"sections\"")!
        #expect(typeRange.lowerBound < metaRange.lowerBound && metaRange.lowerBound < sectionsRange.lowerBound)
        #expect(
            json.contains(
                #"{"kind":"page","index":0,"width":612,"height":792,"blocks":[{"type":"cluster","entries":[{"kind":"text","text":"Hi"}]}]}"#
            )
        )
        #expect(json == document.json())
    }

    /// Markdown numbers ordered items itself: a number it can say is its marker, anything else opens the item's text.
    @Test(
        "list markers in Markdown",
        arguments: [
            ("1.", "1. Fill the tank"), ("(3)", "3. Fill the tank"), ("-", "- Fill the tank"),
            ("2.1.1", "- 2.1.1 Fill the tank"), ("4.3", "- 4.3 Fill the tank"), ("a)", "- a) Fill the tank"),
            ("Step 2:", "- Step 2: Fill the tank"),
        ]
    )
    func listMarkers(_ marker: String, _ line: String) {
        let item = Entry(kind: .listItem, text: "Fill the tank", level: 1, marker: marker)
        #expect(Self.onePage([item]).markdown().split(separator: "\n").contains(Substring(line)))
    }

    /// A document of one page holding `entries` in one cluster.
    private static func onePage(_ entries: [Entry]) -> Document {
        Document(
            documentType: .unknown,
            meta: DocumentMeta(
                engineVersion: "pdf@test",
                pageCount: 1,
                totalSections: 1,
                selectedPages: "1",
                producer: nil,
                isEncrypted: false,
                unmappedGlyphs: 0
            ),
            sections: [Section(index: 0, width: 612, height: 792, blocks: [.cluster(Cluster(entries: entries))])]
        )
    }
}
