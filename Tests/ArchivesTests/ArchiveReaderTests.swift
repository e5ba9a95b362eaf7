import Archives
import PDFFixtures
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A fresh folder for one test; removed when released.
final class Scratch {
    let path: String

    init() {
        var template = Array("/tmp/skillspool-archives-XXXXXX".utf8CString)
        path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    deinit { _ = system("rm -rf '\(path)'") }

    /// Extracts `archive` into the folder `out` below this one (made anew each time).
    func extract(_ archive: String, limits: ArchiveLimits = .default) throws -> [ExtractedMember] {
        _ = system("rm -rf '\(path)/out'")
        mkdir(path + "/out", 0o755)
        let folder = open(path + "/out", O_RDONLY | O_DIRECTORY)
        let file = open(archive, O_RDONLY)
        defer {
            close(folder)
            close(file)
        }
        return try ArchiveReader.withArchive(descriptor: file) { try $0.extract(into: folder, limits: limits) }
    }
}

@Suite("Safe archive extraction")
struct ArchiveReaderTests {
    @Test(
        "a zip and a tar.gz of PDFs and a manifest extract below the folder",
        arguments: [
            ArchiveBuilder.Format.zip, .tarGzip,
        ]
    )
    func extractsPlainMembers(format: ArchiveBuilder.Format) throws {
        let scratch = Scratch()
        let archive = scratch.path + "/batch"
        ArchiveBuilder.write(
            [
                .file("batch.job.json", Array("{\"documents\":[{\"file\":\"docs/a.pdf\"}]}".utf8)),
                .folder("docs/"), .file("docs/a.pdf", Array("%PDF-1.4\n%%EOF\n".utf8)),
                .file("__MACOSX/._a.pdf", [1, 2, 3]), .file(".DS_Store", [0]),
            ],
            to: archive,
            format: format
        )
        let members = try scratch.extract(archive)
        #expect(members.map(\.path) == ["batch.job.json", "docs/a.pdf"])
        #expect(access(scratch.path + "/out/docs/a.pdf", F_OK) == 0)
        #expect(access(scratch.path + "/out/__MACOSX", F_OK) != 0)
    }

    @Test(
        "members that could escape or are not plain files are refused",
        arguments: [
            (ArchiveBuilder.Member.file("../evil.pdf", [1]), "ERR::SECURITY::PATH_TRAVERSAL"),
            (.file("docs/../../evil.pdf", [1]), "ERR::SECURITY::PATH_TRAVERSAL"),
            (.file("/etc/evil.pdf", [1]), "ERR::SECURITY::ABSOLUTE_PATH"),
            (.file("C:\\evil.pdf", [1]), "ERR::SECURITY::ABSOLUTE_PATH"),
            (.symlink("passwd.pdf", target: "/etc/passwd"), "ERR::SECURITY::LINK_MEMBER"),
            (.hardlink("copy.pdf", target: "/etc/passwd"), "ERR::SECURITY::LINK_MEMBER"),
            (.fifo("pipe.pdf"), "ERR::SECURITY::SPECIAL_MEMBER"),
        ]
    )
    func refusesEscapes(member: ArchiveBuilder.Member, code: String) throws {
        for format in [ArchiveBuilder.Format.zip, .tarGzip] {
            // Zip has no hard links or FIFOs; libarchive stores such members as plain files there.
            if format == .zip, case .hardlink = member { continue }
            if format == .zip, case .fifo = member { continue }
            let scratch = Scratch()
            let archive = scratch.path + "/attack"
            ArchiveBuilder.write([.file("ok.pdf", [1, 2]), member], to: archive, format: format)
            #expect(throws: ArchiveError.self) { _ = try scratch.extract(archive) }
            do { _ = try scratch.extract(archive) } catch let error as ArchiveError {
                #expect(error.code.rawValue == code)
            }
            #expect(access(scratch.path + "/evil.pdf", F_OK) != 0)
            #expect(access("/tmp/evil.pdf", F_OK) != 0)
        }
    }

    @Test("a zip bomb is stopped by the compression ratio before it fills the disk")
    func bombByRatio() throws {
        let scratch = Scratch()
        let archive = scratch.path + "/bomb.zip"
        ArchiveBuilder.write([.file("zeros.pdf", [UInt8](repeating: 0, count: 50 << 20))], to: archive)
        #expect(throws: ArchiveError.self) { _ = try scratch.extract(archive) }
        do { _ = try scratch.extract(archive) } catch let error as ArchiveError {
            #expect(error.code == .compressionRatio)
        }
        // Stopped at 100x the archive's size (~5 MB here), not at the 50 MB the member expands to.
        var status = stat()
        #expect(stat(scratch.path + "/out/zeros.pdf", &status) != 0 || status.st_size <= 8 << 20)
    }

    @Test("the total size and member count limits hold whatever the headers claim")
    func sizeAndCountLimits() throws {
        let scratch = Scratch()
        let archive = scratch.path + "/big.tar.gz"
        let noise = (0..<300_000).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 13) }
        ArchiveBuilder.write([.file("a.pdf", noise), .file("b.pdf", noise)], to: archive, format: .tarGzip)
        do {
            _ = try scratch.extract(archive, limits: ArchiveLimits(maxTotalBytes: 400_000))
            Issue.record("extraction over the size limit succeeded")
        } catch let error as ArchiveError {
            #expect(error.code == .tooLarge)
        }
        let many = Scratch()
        let manyArchive = many.path + "/many.zip"
        ArchiveBuilder.write((0..<20).map { .file("f\($0).pdf", [1]) }, to: manyArchive)
        do {
            _ = try many.extract(manyArchive, limits: ArchiveLimits(maxMembers: 10))
            Issue.record("extraction over the member limit succeeded")
        } catch let error as ArchiveError {
            #expect(error.code == .tooManyMembers)
        }
    }

    @Test("a truncated or foreign file is reported as corrupt")
    func corrupt() throws {
        let scratch = Scratch()
        let path = scratch.path + "/not.zip"
        let file = open(path, O_WRONLY | O_CREAT, 0o644)
        _ = Array("this is not an archive at all".utf8).withUnsafeBytes { write(file, $0.baseAddress, $0.count) }
        close(file)
        #expect(throws: ArchiveError.self) { _ = try scratch.extract(path) }
    }
}

@Suite("Deterministic zips")
struct ZipWriterTests {
    @Test("the same files give the same bytes whatever their order; folders, epoch timestamps, stored data")
    func deterministic() throws {
        let files = [
            ZipEntry(path: "skill/SKILL.md", bytes: Array("---\nname: skill\n---\n".utf8)),
            ZipEntry(path: "skill/references/a.md", bytes: Array("# A\n".utf8)),
        ]
        let first = try ZipWriter.archive(files)
        let second = try ZipWriter.archive(files.reversed())
        #expect(first == second)
        let scratch = Scratch()
        let path = scratch.path + "/skill.zip"
        let handle = open(path, O_WRONLY | O_CREAT, 0o644)
        _ = first.withUnsafeBytes { write(handle, $0.baseAddress, $0.count) }
        close(handle)
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        let members = try ArchiveReader.withArchive(descriptor: descriptor) { try $0.readMembers() }
        #expect(members.map(\.rawPath) == ["skill/", "skill/SKILL.md", "skill/references/", "skill/references/a.md"])
        #expect(members[1].bytes == files[0].bytes)
    }

    @Test("unsafe paths are refused when writing too")
    func refusesUnsafe() {
        #expect(throws: ArchiveError.self) { try ZipWriter.archive([ZipEntry(path: "../x.md", bytes: [])]) }
        #expect(throws: ArchiveError.self) {
            try ZipWriter.archive([ZipEntry(path: "a.md", bytes: []), ZipEntry(path: "a.md", bytes: [1])])
        }
    }
}
