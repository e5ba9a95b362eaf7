import FileSystem
import Foundation
import PDFFixtures
import Testing

@testable import Spool

/// An upload paused anywhere is not complete; every finished file of the shared corpora is.
@Suite("Complete uploads")
struct UploadCompletenessTests {
    static let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skillspool-uploads-\(getpid())")

    /// Whether `bytes`, written as `name`, is complete for its kind.
    func complete(_ bytes: [UInt8], as name: String) throws -> Bool {
        try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
        try Data(bytes).write(to: Self.folder.appendingPathComponent(name))
        let file = try Directory.open(path: Self.folder.path).openRegularFile(name)
        return UploadCompleteness.isComplete(InboxName(name), file: file)
    }

    static let corpora: [URL] = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return ["corpus", "corpus-synth"].map { url.appendingPathComponent("shared/\($0)") }
    }()

    @Test("every PDF of the shared corpora is complete as it is, and none cut anywhere before its last line")
    func corpusPDFs() throws {
        let files = Self.corpora.flatMap { corpus in
            ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).filter { $0.hasSuffix(".pdf") }
                .map { corpus.appendingPathComponent($0) }
        }
        for url in files {
            let bytes = try [UInt8](Data(contentsOf: url))
            #expect(try complete(bytes, as: "whole.pdf"), "\(url.lastPathComponent)")
            // Cut in the middle and just before the end: an upload that paused there.
            for cut in [bytes.count / 2, bytes.count - 7] where cut > 0 {
                let prefix = Array(bytes[..<cut])
                #expect(try !complete(prefix, as: "cut.pdf"), "\(url.lastPathComponent) cut at \(cut)")
            }
        }
    }

    @Test("a PDF whose startxref does not point at a cross-reference is not complete")
    func danglingStartxref() throws {
        let whole = PDFFixture.helloWorld()
        #expect(try complete(whole, as: "a.pdf"))
        var text = String(decoding: whole, as: UTF8.self)
        let range = try #require(text.range(of: "startxref\n"))
        let tail = text[range.upperBound...]
        let digits = tail.prefix { $0.isNumber }
        text.replaceSubrange(range.upperBound..<tail.index(tail.startIndex, offsetBy: digits.count), with: "17")
        #expect(try !complete(Array(text.utf8), as: "b.pdf"))
        #expect(try !complete(whole + Array("garbage".utf8), as: "c.pdf"))
    }

    @Test("a .pdf with no %PDF- header in its first 1,024 bytes is not a PDF; a short one may still become one")
    func header() throws {
        func status(_ bytes: [UInt8]) throws -> UploadCompleteness.Status {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: Self.folder.appendingPathComponent("h.pdf"))
            return UploadCompleteness.status(
                .document(.pdf),
                file: try Directory.open(path: Self.folder.path).openRegularFile("h.pdf")
            )
        }
        let noise = Array(repeating: UInt8(ascii: "x"), count: 2_000)
        #expect(try status(noise) == .notPDF)
        #expect(try status(Array(noise.prefix(1_023))) == .partial)
        #expect(try status(Array(noise.prefix(1_000)) + PDFFixture.helloWorld()) == .complete)
        #expect(try status(Array(noise.prefix(1_020)) + PDFFixture.helloWorld()) == .notPDF)
    }

    @Test("archives: a tar needs its end blocks, a gzip stream must decode to its end, a zip needs its end record")
    func archives() throws {
        let members: [ArchiveBuilder.Member] = [
            .file("a.pdf", PDFFixture.helloWorld("A")), .file("b.pdf", PDFFixture.helloWorld("B")),
        ]
        let tar = try ArchiveBuilder.bytes(members, format: .tar)
        #expect(try complete(tar, as: "x.tar"))
        // Paused after the first member: whole blocks, no end-of-archive.
        #expect(try !complete(Array(tar[..<1_536]), as: "x.tar"))
        #expect(try !complete(Array(tar.dropLast(1_024)), as: "x.tar"))

        let gzip = try ArchiveBuilder.bytes(members, format: .tarGzip)
        #expect(try complete(gzip, as: "x.tar.gz"))
        for cut in [gzip.count / 3, gzip.count / 2, gzip.count - 4] {
            #expect(try !complete(Array(gzip[..<cut]), as: "x.tar.gz"), "cut at \(cut) of \(gzip.count)")
        }

        let zip = try ArchiveBuilder.bytes(members, format: .zip)
        #expect(try complete(zip, as: "x.zip"))
        #expect(try !complete(Array(zip[..<(zip.count / 2)]), as: "x.zip"))
    }
}
