import Foundation
import PDFFixtures
import Testing

@testable import PDFText

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

    @Test("a cmap of 32,767 segments each spanning every code maps within the budget, in bounded steps")
    func overlappingSegments() throws {
        func u16(_ value: Int) -> [UInt8] { [UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
        func u32(_ value: Int) -> [UInt8] { u16(value >> 16) + u16(value & 0xFFFF) }
        let segments = 32_767
        var subtable = u16(4) + u16(0) + u16(0) + u16(segments * 2) + u16(0) + u16(0) + u16(0)
        subtable += Array(repeating: u16(0xFFFE), count: segments).flatMap { $0 } + u16(0)
        subtable += Array(repeating: u16(0), count: segments).flatMap { $0 }
        subtable += Array(repeating: u16(1), count: segments).flatMap { $0 }
        subtable += Array(repeating: u16(0), count: segments).flatMap { $0 }
        let cmap = u16(0) + u16(1) + u16(3) + u16(1) + u32(12) + subtable
        let font = u32(0x0001_0000) + u16(1) + u16(16) + u16(0) + u16(0) + Array("cmap".utf8) + u32(0) + u32(28)
            + u32(cmap.count) + cmap
        let parsed = try #require(TrueTypeFont(data: font))
        let map = try #require(parsed.cmap(platform: 3, encoding: 1))
        #expect(map.count == 0xFFFF)  // codes 0…0xFFFE, once each however many segments repeat them
        #expect(map[0x41] == 0x42)
    }
}
