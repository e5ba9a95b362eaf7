import Foundation
import Testing

/// Runs over the shared corpora when they sit beside the checkout (`../shared`); skipped otherwise.
enum SharedCorpus {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("shared")
    }()

    static var isPresent: Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent("corpus").path) }

    static func file(_ name: String) -> String {
        let corpus = name.hasPrefix("s1-") ? "corpus-synth" : "corpus"
        return root.appendingPathComponent(corpus).appendingPathComponent(name).path
    }
}

@Suite("Shared corpus", .enabled(if: SharedCorpus.isPresent, "../shared/corpus is not beside the checkout"))
struct CorpusTests {
    @Test(
        "two runs give byte-identical JSON and text",
        arguments: [
            "pdfjs__tracemonkey.pdf", "pdfm__issue_566_test_1.pdf", "pdfm__issue-791-non-unicode-cmap.pdf",
            "sf__habibi-rotated.pdf", "pdfjs__vertical.pdf", "s1-011-invoice.pdf",
        ]
    )
    func deterministic(name: String) throws {
        for format in ["json", "text"] {
            let first = try CLI.run(["convert", SharedCorpus.file(name), "--format", format])
            let second = try CLI.run(["convert", SharedCorpus.file(name), "--format", format])
            #expect(first.status == 0)
            #expect(first.stdout == second.stdout)
            #expect(!first.stdout.isEmpty)
        }
    }

    @Test(
        "CJK and Czech text comes out clean: no (cid:…) and no U+FFFD",
        arguments: [
            "pdfm__issue_566_test_1.pdf", "pdfm__issue-791-non-unicode-cmap.pdf",
        ]
    )
    func clean(name: String) throws {
        let result = try CLI.run(["convert", SharedCorpus.file(name), "--format", "json"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("(cid:"))
        #expect(!result.stdout.contains("\u{FFFD}"))
    }

    @Test(
        "password-protected files open with their password and refuse without it",
        arguments: [
            ("plumb__password-example.pdf", "test"), ("pdfm__aes-256.pdf", "baz"),
        ]
    )
    func passwords(name: String, password: String) throws {
        let refused = try CLI.run(["convert", SharedCorpus.file(name), "--format", "text"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("ERR::INPUT::PASSWORD_REQUIRED"))
        let opened = try CLI.run(["convert", SharedCorpus.file(name), "--format", "text", "--password", password])
        #expect(opened.status == 0)
        #expect(!opened.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    @Test(
        "files encrypted with an empty user password open without one",
        arguments: [
            "pdfjs__bug900822.pdf", "pdfjs__bug1815476.pdf", "pdfm__issue-625-identity-cmap.pdf",
        ]
    )
    func emptyPassword(name: String) throws {
        let result = try CLI.run(["convert", SharedCorpus.file(name), "--format", "text"])
        #expect(result.status == 0)
    }
}
