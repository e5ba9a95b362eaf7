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

    static func run(_ arguments: [String]) throws -> Result { try runTool(executable.path, arguments) }

    /// Runs any program and collects its exit status and output.
    static func runTool(_ path: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
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

    @Test("--info reports type, words, pages, fonts and the text layer; --cost estimates credits")
    func info() throws {
        let path = try PDFFixture.temporaryFile(PDFFixture.helloWorld("Invoice number 42 total due"))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CLI.run(["convert", path, "--info", "--fonts", "--bounds"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["total_pages"] as? Int == 1 && object?["credits"] as? Int == 1)
        #expect(object?["wordCount"] as? Int == 5)
        #expect((object?["documentType"] as? [String: Any])?["type"] as? String == "invoice")
        let fonts = object?["fonts"] as? [String: [String: Any]]
        #expect(fonts?["f1"]?["name"] as? String == "Helvetica")
        let layer = object?["textLayer"] as? [[String: Any]]
        #expect(layer?.first?["hasText"] as? Bool == true)
        #expect((object?["pageSizes"] as? [[String: Any]])?.first?["width"] as? Int == 612)

        let cost = try CLI.run(["convert", path, "--cost", "--pages", "1"])
        let estimate = try JSONSerialization.jsonObject(with: Data(cost.stdout.utf8)) as? [String: Any]
        #expect(estimate?["dry_run"] as? Bool == true && estimate?["estimated_credits"] as? Int == 1)
        #expect(estimate?["selected_pages"] as? [Int] == [1])
    }

    @Test("engine versions are listed; an unknown pinned version is refused")
    func engineVersions() throws {
        let versions = try CLI.run(["engine", "versions"])
        #expect(versions.status == 0 && versions.stdout.contains("\"status\": \"current\""))
        let path = try PDFFixture.temporaryFile(PDFFixture.helloWorld())
        defer { try? FileManager.default.removeItem(atPath: path) }
        let pinned = try CLI.run(["convert", path, "--engine", "pdf@1999-01-01"])
        #expect(pinned.status == 2 && pinned.stderr.contains("ERR::INPUT::BAD_VERSION"))
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

    /// `convert FILE --format F` is read without the argument parser; the same request spelled another way goes
    /// through it. Both must give the same bytes, the same refusals and exit codes.
    @Test(
        "the common invocation and the parsed one agree",
        arguments: [
            (["--format", "json"], ["--format=json"]), (["--format", "md"], ["--format=md"]),
            (["--format", "ascii"], ["--format=ascii"]), ([], ["--format=text"]),
        ]
    )
    func commonInvocation(common: [String], parsed: [String]) throws {
        let path = try PDFFixture.temporaryFile(PDFFixture.helloWorld("Hello both ways"))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fast = try CLI.run(["convert", path] + common)
        let slow = try CLI.run(["convert", path] + parsed)
        #expect(fast.status == 0)
        #expect(fast.stdout == slow.stdout)
        #expect(fast.stdout.contains("Hello both ways"))

        let missing = try CLI.run(["convert", path + ".missing"] + common)
        let missingParsed = try CLI.run(["convert", path + ".missing"] + parsed)
        #expect(missing.status == 2 && missingParsed.status == 2)
        #expect(missing.stderr == missingParsed.stderr)
        #expect(missing.stderr.contains("ERR::INPUT::UNREADABLE"))
    }

    @Test("a file named .pdf that is not one is refused; text, and bytes of no known format, are told apart")
    func notPDF() throws {
        let fake = try PDFFixture.temporaryFile(Array("hello".utf8), suffix: ".pdf")
        let text = try PDFFixture.temporaryFile(Array("Notes\n\nhello there".utf8), suffix: ".txt")
        let binary = try PDFFixture.temporaryFile([0, 1, 2, 3, 0xFF, 0, 7], suffix: ".bin")
        defer { for path in [fake, text, binary] { try? FileManager.default.removeItem(atPath: path) } }
        let refused = try CLI.run(["convert", fake])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("ERR::INPUT::NOT_PDF"))
        let converted = try CLI.run(["convert", text])
        #expect(converted.status == 0)
        #expect(converted.stdout.contains("hello there"))
        let unknown = try CLI.run(["convert", binary])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("ERR::INPUT::UNSUPPORTED_FORMAT"))
    }

    /// The small process reads PDFs only; other formats are handed to the complete tree, on the quick path
    /// (`convert FILE --format F`) and through the argument parser alike.
    @Test(
        "Markdown is converted by the complete tree, whichever way the command is read",
        arguments: [["--format", "json"], ["--format", "json", "--pretty"], ["--info"], ["--cost"]]
    )
    func handsOverOtherFormats(_ options: [String]) throws {
        let source = try PDFFixture.temporaryFile(
            Array("# Expense rules\n\nReceipts within 30 days.\n".utf8),
            suffix: ".md"
        )
        defer { try? FileManager.default.removeItem(atPath: source) }
        let result = try CLI.run(["convert", source] + options)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        if options.contains("--info") {
            #expect(object?["format"] as? String == "markdown")
        } else if options.contains("--cost") {
            #expect((object?["billable"] as? [String: Any])?["unit"] as? String == "section")
        } else {
            let meta = object?["meta"] as? [String: Any]
            #expect((meta?["engineVersion"] as? String)?.hasPrefix("markup@") == true)
        }
    }
}
