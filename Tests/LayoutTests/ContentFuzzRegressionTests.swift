import Foundation
import Layout
import PDFFixtures
import Testing

/// Content streams the `content` fuzz target crashed on (`Tests/FuzzRegressions/content/`), drawn on a page and
/// laid out again: each must convert or be refused, never trap.
@Suite("Content fuzz regressions")
struct ContentFuzzRegressionTests {
    static func inputs() -> [URL] {
        var folder = URL(fileURLWithPath: #filePath)
        folder.deleteLastPathComponent()
        folder.deleteLastPathComponent()
        folder.appendPathComponent("FuzzRegressions/content")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            .map { folder.appendingPathComponent($0) }
    }

    @Test("content streams the fuzzer crashed on", arguments: inputs())
    func content(input: URL) throws {
        let page = PDFFixture.page(drawing: [UInt8](try Data(contentsOf: input)))
        _ = try? DocumentConverter.convert(bytes: page).document
    }
}
