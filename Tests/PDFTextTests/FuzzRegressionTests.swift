import Foundation
import PDFFixtures
import PDFText
import Testing

/// Every input a fuzz target crashed on (`Tests/FuzzRegressions/<target>/`), run again through the parser it
/// crashed: each must now be refused or parsed, never trap.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let folder: URL = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        url.deleteLastPathComponent()
        return url.appendingPathComponent("FuzzRegressions")
    }()

    static func inputs(_ target: String) -> [URL] {
        let folder = folder.appendingPathComponent(target)
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            .map { folder.appendingPathComponent($0) }
    }

    @Test("CFF programs the fuzzer crashed on", arguments: inputs("cff"))
    func cff(input: URL) throws {
        _ = CFFFont(data: try [UInt8](Data(contentsOf: input)))
    }

    @Test("an inline image whose width or height is 1e300 or NaN is skipped, not a trap")
    func hugeInlineImage() throws {
        for size in ["1e300", "-1e300", "99999999999999999999"] {
            let bytes = PDFFixture.helvetica(
                "BI /W \(size) /H \(size) /BPC 8 /CS /G ID \u{0}\u{0} EI BT /R 12 Tf 72 700 Td (after) Tj ET"
            )
            let pages = try PDFDocument(bytes: bytes).extractPages(.all(1))
            #expect(pages.count == 1)
        }
    }
}
