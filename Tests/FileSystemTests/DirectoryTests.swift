import FileSystem
import Foundation
import SystemPackage
import Testing

@Suite("Files relative to open folders")
struct DirectoryTests {
    let root: String

    init() throws {
        root = NSTemporaryDirectory() + "fs-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    @Test("a durable write leaves the file and no temporary behind")
    func durableWrite() throws {
        let folder = try Directory.open(path: root)
        try folder.writeDurably("a.txt", Array("one".utf8))
        try folder.writeDurably("a.txt", Array("two".utf8))
        #expect(try folder.read("a.txt") == Array("two".utf8))
        #expect(try folder.names() == ["a.txt"])
    }

    @Test("a file open for writing elsewhere has writers; closed, it has none")
    func writers() throws {
        let folder = try Directory.open(path: root)
        try folder.writeDurably("upload.pdf", Array("%PDF-1.7".utf8))
        let writer = try #require(FileHandle(forWritingAtPath: root + "/upload.pdf"))
        #expect(try folder.openRegularFile("upload.pdf").hasWriters == true)
        try writer.close()
        #expect(try folder.openRegularFile("upload.pdf").hasWriters == false)
    }

    @Test("a write that throws in its body replaces nothing and leaves no temporary")
    func failedWrite() throws {
        let folder = try Directory.open(path: root)
        try folder.writeDurably("a.txt", Array("kept".utf8))
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try DurableFileWriter.write("a.txt", in: folder) { writer in
                writer.append("partial")
                throw Stop()
            }
        }
        #expect(try folder.read("a.txt") == Array("kept".utf8))
        #expect(try folder.names() == ["a.txt"])
    }

    @Test("links and non-plain names are refused with their codes")
    func refusals() throws {
        let folder = try Directory.open(path: root)
        try folder.writeDurably("target", [1])
        symlink(root + "/target", root + "/link")
        link(root + "/target", root + "/hard")
        mkfifo(root + "/fifo", 0o644)
        func code(_ body: () throws -> Void) -> String? {
            do { try body() } catch let error as FileSystemError { return error.codeText } catch { return "other" }
            return nil
        }
        #expect(code { _ = try folder.openRegularFile("link") } == "ERR::SECURITY::SYMLINK")
        #expect(code { _ = try folder.openRegularFile("hard") } == "ERR::SECURITY::HARDLINK")
        #expect(code { _ = try folder.openRegularFile("fifo") } == "ERR::SECURITY::NOT_REGULAR_FILE")
        #expect(code { _ = try folder.read("../etc/passwd") } == "ERR::SECURITY::PATH_TRAVERSAL")
        #expect(code { _ = try folder.folder("link") } == "ERR::SECURITY::SYMLINK")
        try folder.writeDurably("big", [1, 2])
        #expect(code { _ = try folder.read("big", limit: 1) } == "ERR::INPUT::TOO_LARGE")
    }

    @Test(
        "retryable follows the error number",
        arguments: [
            (Errno.noSpace, true), (.ioError, true), (.interrupted, true), (.resourceTemporarilyUnavailable, true),
            (.noSuchFileOrDirectory, false), (.permissionDenied, false), (.notDirectory, false),
        ]
    )
    func retryable(cause: Errno, expected: Bool) {
        let error = FileSystemError.io("cannot write", cause)
        #expect(error.isRetryable == expected)
        #expect((error.cause as? Errno) == cause)
        #expect(error.codeText == "ERR::SPOOL::IO")
    }

    @Test("a missing file is an I/O error that waiting does not heal, with its errno kept")
    func missing() throws {
        let folder = try Directory.open(path: root)
        do {
            _ = try folder.read("absent")
            Issue.record("no error")
        } catch let error as FileSystemError {
            #expect(!error.isRetryable)
            #expect((error.cause as? Errno) == .noSuchFileOrDirectory)
        }
    }

    @Test("the parent of a path is opened and its last component returned")
    func parent() throws {
        let (folder, name) = try Directory.openParent(of: root + "/x.csv")
        #expect(name == "x.csv")
        #expect(folder.path == root)
        #expect(throws: FileSystemError.self) { _ = try Directory.openParent(of: root + "/..") }
    }
}
