import Foundation
import PDFFixtures
import Testing

/// Runs the real `skillspool` executable built next to the tests.
enum CLI {
    static var executable: URL {
        // The test binary sits in the same build folder as the executable.
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        if folder.lastPathComponent.hasSuffix(".xctest") || folder.lastPathComponent == "MacOS" {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("skillspool")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self)
        )
    }
}

@Suite("skillspool convert")
struct ConvertCommandTests {
    @Test("text and JSON output on stdout")
    func convert() throws {
        let path = try PDFFixture.temporaryFile(PDFFixture.helloWorld("Hello CLI"))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = try CLI.run(["convert", path, "--format", "text"])
        #expect(text.status == 0)
        #expect(text.stdout == "Hello CLI\n")
        let json = try CLI.run(["convert", path, "--format", "json"])
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let sections = object?["sections"] as? [[String: Any]]
        #expect(sections?.count == 1)
        #expect(sections?.first?["kind"] as? String == "page")
    }

    @Test("--info reports pages, fonts and the text layer")
    func info() throws {
        let path = try PDFFixture.temporaryFile(PDFFixture.helloWorld())
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CLI.run(["convert", path, "--info"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["pageCount"] as? Int == 1)
        let fonts = object?["fonts"] as? [[String: Any]]
        #expect(fonts?.first?["name"] as? String == "Helvetica")
        let pages = object?["pages"] as? [[String: Any]]
        #expect(pages?.first?["hasTextLayer"] as? Bool == true)
    }

    @Test(
        "refusals print a coded JSON error on stderr and exit non-zero",
        arguments: [
            (["--pages", "5"], "ERR::INPUT::BAD_PAGE_RANGE"),
            (["--pages", "x"], "ERR::INPUT::BAD_PAGE_RANGE"),
        ]
    )
    func refusal(arguments: [String], code: String) throws {
        let path = try PDFFixture.temporaryFile(PDFFixture.helloWorld())
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CLI.run(["convert", path] + arguments)
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        let object = try JSONSerialization.jsonObject(with: Data(result.stderr.utf8)) as? [String: Any]
        #expect(object?["code"] as? String == code)
        #expect(object?["retryable"] as? Bool == false)
        #expect((object?["message"] as? String)?.isEmpty == false)
    }

    @Test("a file that is not a PDF is refused")
    func notPDF() throws {
        let path = try PDFFixture.temporaryFile(Array("hello".utf8), suffix: ".txt")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CLI.run(["convert", path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("ERR::INPUT::NOT_PDF"))
    }
}
