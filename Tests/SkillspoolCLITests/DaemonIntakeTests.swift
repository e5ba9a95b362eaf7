import Foundation
import PDFFixtures
import Testing

@Suite("Daemon: intake of complete files only", .serialized)
struct DaemonIntakeTests {
    @Test("slow writes, a killed writer, rsync and WinSCP renames: only complete files become jobs")
    func partialUploads() throws {
        let spool = try SpoolHarness()
        try spool.start()
        let inbox = spool.folder("acme", "inbox")

        // A slow in-place write whose pauses (0.15 s) are shorter than the quiet period (0.3 s).
        let slow = SpoolPDF.numbered(1, tag: "Slow")
        let slowURL = inbox.appendingPathComponent("slow.pdf")
        FileManager.default.createFile(atPath: slowURL.path, contents: nil)
        let writer = try FileHandle(forWritingTo: slowURL)
        for start in stride(from: 0, to: slow.count, by: 97) {
            writer.write(Data(slow[start..<min(start + 97, slow.count)]))
            Thread.sleep(forTimeInterval: 0.15)
        }
        try writer.close()

        // A writer killed half-way: the file never ends with %%EOF.
        let killed = SpoolPDF.numbered(2, tag: "Killed")
        try spool.drop(Array(killed.prefix(killed.count * 6 / 10)), as: "killed.pdf")

        try spool.dropByRename(SpoolPDF.numbered(3, tag: "Rsync"), temporary: ".rsync.pdf.Xa81Qz", as: "rsync.pdf")
        try spool.dropByRename(SpoolPDF.numbered(4, tag: "WinSCP"), temporary: "winscp.pdf.filepart", as: "winscp.pdf")

        try spool.wait("three jobs published and the killed upload quarantined", timeout: 40) {
            spool.statuses(where: "complete").count == 3 && spool.failureCodes() == ["ERR::INPUT::INCOMPLETE_UPLOAD"]
        }
        let names = spool.statuses(where: "complete").values.compactMap {
            (($0["documents"] as? [[String: Any]])?.first?["filename"] as? String)
        }
        #expect(Set(names) == ["slow.pdf", "rsync.pdf", "winscp.pdf"])
        // The slow file was hashed complete, not as one of its prefixes.
        let slowStatus = spool.statuses(where: "complete").values.first {
            (($0["documents"] as? [[String: Any]])?.first?["filename"] as? String) == "slow.pdf"
        }
        #expect(((slowStatus?["documents"] as? [[String: Any]])?.first?["bytes"] as? Int) == slow.count)
        #expect(spool.contents("acme", "inbox").isEmpty)
        let jobs = try spool.cli(["jobs", "list", "--json"])
        #expect(jobs.stdout.components(separatedBy: "\"id\"").count - 1 == 4)
        #expect(spool.stop() == 0)
    }

    @Test(
        "archives paused at a member boundary longer than the quiet period wait for the rest",
        arguments: [ArchiveBuilder.Format.tar, .tarGzip]
    )
    func pausedArchive(format: ArchiveBuilder.Format) throws {
        let spool = try SpoolHarness()
        try spool.start()
        let one = SpoolPDF.numbered(1, tag: "One")
        let archive = try ArchiveBuilder.bytes(
            [.file("one.pdf", one), .file("two.pdf", SpoolPDF.numbered(2, tag: "Two"))],
            format: format
        )
        let url = spool.folder("acme", "inbox").appendingPathComponent(format == .tar ? "pair.tar" : "pair.tar.gz")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let writer = try FileHandle(forWritingTo: url)
        // For the tar: its first member whole (header and data blocks), so the file is all whole blocks; for the
        // gzip stream: all but its trailer.
        let pause = format == .tar ? 512 + (one.count + 511) / 512 * 512 : archive.count - 6
        writer.write(Data(archive[..<pause]))
        Thread.sleep(forTimeInterval: 1.5)  // five quiet periods
        #expect(spool.statuses().isEmpty && spool.failureCodes().isEmpty)
        writer.write(Data(archive[pause...]))
        try writer.close()
        try spool.wait("the whole archive is one job") { spool.statuses(where: "complete").count == 1 }
        let documents = spool.statuses(where: "complete").values.first?["documents"] as? [[String: Any]]
        #expect(documents?.count == 2)
        spool.stop()
    }

    @Test("a PDF paused right after an earlier revision's %%EOF, its writer still open, waits for the whole file")
    func pausedAtEarlierRevision() throws {
        let spool = try SpoolHarness()
        try spool.start()
        let (whole, firstRevision) = PDFFixture.twoRevisions(first: "First revision", added: "Added page")
        let url = spool.folder("acme", "inbox").appendingPathComponent("revised.pdf")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let writer = try FileHandle(forWritingTo: url)
        writer.write(Data(whole[..<firstRevision]))
        // Complete by its format (a one-page PDF) and quiet for five quiet periods and past the settle time.
        Thread.sleep(forTimeInterval: 2.5)
        #expect(spool.statuses().isEmpty && spool.failureCodes().isEmpty)
        writer.write(Data(whole[firstRevision...]))
        try writer.close()
        try spool.wait("the whole file is one job") { spool.statuses(where: "complete").count == 1 }
        let document = (spool.statuses(where: "complete").values.first?["documents"] as? [[String: Any]])?.first
        #expect(document?["bytes"] as? Int == whole.count)
        #expect(document?["pageCount"] as? Int == 2)
        spool.stop()
    }

    @Test("a .pdf that does not begin like a PDF is quarantined at once, not after the upload window")
    func notAPDF() throws {
        let spool = try SpoolHarness()
        try spool.start()
        try spool.drop(Array(repeating: UInt8(ascii: "x"), count: 4_096), as: "noise.pdf")
        try spool.drop(Array("   junk before the header\n".utf8) + SpoolPDF.numbered(1), as: "prefixed.pdf")
        try spool.wait("the noise quarantined, the prefixed PDF published") {
            spool.failureCodes() == ["ERR::INPUT::NOT_PDF"] && spool.statuses(where: "complete").count == 1
        }
        spool.stop()
    }

    @Test("a manifest within the settle time claims a PDF; a late one waits and fails naming the missing file")
    func loneThenManifest() throws {
        let spool = try SpoolHarness()
        try spool.start()
        try spool.drop(SpoolPDF.numbered(1), as: "early.pdf")
        try spool.drop(
            Array(#"{"documents": [{"file": "early.pdf"}], "outputFormats": ["md"]}"#.utf8),
            as: "early.job.json"
        )
        try spool.drop(SpoolPDF.numbered(2), as: "late.pdf")
        try spool.wait("the early job and the lone job") { spool.statuses(where: "complete").count == 2 }
        let early = spool.statuses(where: "complete").values.first {
            (($0["outputs"] as? [[String: Any]])?.first?["format"] as? String) == "md"
        }
        #expect(early != nil, "the manifest's format, not the tenant default, was used")
        try spool.drop(Array(#"{"documents": [{"file": "late.pdf"}]}"#.utf8), as: "late.job.json")
        try spool.wait("the late manifest fails", timeout: 20) {
            spool.failureCodes() == ["ERR::MANIFEST::MISSING_DOCUMENT"]
        }
        spool.stop()
    }

    @Test("a manifest waits for documents that arrive later")
    func manifestThenDocuments() throws {
        let spool = try SpoolHarness()
        try spool.start()
        try spool.drop(
            Array(#"{"documents": [{"file": "b.pdf"}, {"file": "c.pdf", "pages": "1"}], "reference": "ref-7"}"#.utf8),
            as: "batch.job.json"
        )
        Thread.sleep(forTimeInterval: 1.5)
        try spool.drop(SpoolPDF.numbered(1), as: "b.pdf")
        Thread.sleep(forTimeInterval: 1.0)
        try spool.drop(SpoolPDF.numbered(2), as: "c.pdf")
        try spool.wait("one job with both documents") { spool.statuses(where: "complete").count == 1 }
        let status = try #require(spool.statuses(where: "complete").values.first)
        #expect((status["documents"] as? [[String: Any]])?.count == 2)
        #expect(status["reference"] as? String == "ref-7")
        #expect((status["outputs"] as? [[String: Any]])?.count == 4)
        spool.stop()
    }

    @Test("an archive of PDFs is one job; the same drop twice is recognised and billed once")
    func archiveAndDuplicate() throws {
        let spool = try SpoolHarness()
        try spool.start()
        let zip = try ArchiveBuilder.bytes([
            .file("one.pdf", SpoolPDF.numbered(1)), .folder("sub/"), .file("sub/two.pdf", SpoolPDF.numbered(2)),
        ])
        try spool.drop(zip, as: "batch.zip")
        try spool.wait("the archive job") { spool.statuses(where: "complete").count == 1 }
        let status = try #require(spool.statuses(where: "complete").values.first)
        #expect(
            (status["documents"] as? [[String: Any]])?.map { $0["filename"] as? String } == ["one.pdf", "sub/two.pdf"]
        )

        try spool.drop(SpoolPDF.numbered(9), as: "x.pdf")
        try spool.wait("the lone job") { spool.statuses(where: "complete").count == 2 }
        try spool.drop(SpoolPDF.numbered(9), as: "x-again.pdf")
        try spool.wait("the duplicate is recorded") {
            spool.statuses(where: "complete").values.contains { $0["duplicateOf"] != nil }
        }
        let duplicate = try #require(spool.statuses(where: "complete").values.first { $0["duplicateOf"] != nil })
        let original = try #require(duplicate["duplicateOf"] as? String)
        #expect(spool.statuses()[original]?["status"] as? String == "complete")
        let export = try spool.cli(["ledger", "export", "--format", "jsonl"])
        let settles = export.stdout.split(separator: "\n").filter { $0.contains("\"settle\"") }
        #expect(settles.count == 2, "two jobs settled, the duplicate not at all")
        #expect(spool.contents("acme", "inbox").isEmpty)
        spool.stop()
    }
}

@Suite("Daemon: operations", .serialized)
struct DaemonOperationsTests {
    @Test("poll mode (network file systems) publishes without inotify; categories name the outputs")
    func pollModeAndCategories() throws {
        let spool = try SpoolHarness(
            tenants: [
                "acme": #"""
                , "categories": [
                    { "name": "orders", "keyTopics": ["purchase order"], "naming": "PO-[Date]-[Category]" },
                    { "name": "other", "fallback": true } ]
                """#
            ],
            daemon: #", "watch": "poll""#
        )
        try spool.start()
        let order = PDFFixture.helvetica("BT /R 12 Tf 72 700 Td (Purchase Order) Tj 0 -20 Td (Date: 14.03.2026) Tj ET")
        try spool.drop(order, as: "scan-0042.pdf")
        try spool.drop(SpoolPDF.numbered(5), as: "misc.pdf")
        try spool.wait("both published by polling") { spool.statuses(where: "complete").count == 2 }
        let documents = spool.statuses(where: "complete").values.compactMap {
            ($0["documents"] as? [[String: Any]])?.first
        }
        #expect(Set(documents.compactMap { $0["category"] as? String }) == ["orders", "other"])
        let paths = spool.statuses(where: "complete").values.flatMap {
            ($0["outputs"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        }
        #expect(paths.contains { $0.hasSuffix("/PO-2026-03-14-orders.json") }, "\(paths)")
        #expect(paths.contains { $0.hasSuffix("/misc.json") })
        #expect(!spool.log.contains("\"watching\""))
        #expect(spool.stop() == 0)
    }

    @Test("tenants add creates the configuration and folders; doctor passes on them")
    func tenantsAndDoctor() throws {
        let spool = try SpoolHarness(tenants: [:])
        let added = try spool.cli(["tenants", "add", "newco"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(
            FileManager.default.fileExists(atPath: spool.root.appendingPathComponent("etc/tenants/newco.json").path)
        )
        for area in ["inbox", "outbox", "review", "failed"] {
            #expect(FileManager.default.fileExists(atPath: spool.folder("newco", area).path))
        }
        let doctor = try spool.cli(["doctor", "--json"])
        #expect(doctor.status == 0, "\(doctor.stdout)")
        #expect(doctor.stdout.contains("\"check\": \"inotify watches\""))
        #expect(try spool.cli(["tenants", "add", "Bad Name"]).status != 0)
    }
}

@Suite("Daemon: skill formats", .serialized)
struct DaemonSkillTests {
    @Test("skill formats publish folders, zips, QA reports and the skill index; a skill below the QA threshold is held")
    func skills() throws {
        let spool = try SpoolHarness(tenants: [
            "acme": #", "defaultFormats": ["claude-skill", "cursor-rules", "agents-md"]"#,
            "strict": #", "defaultFormats": ["claude-skill"], "qa": { "threshold": 101 }"#,
        ])
        try spool.start(tenants: ["acme", "strict"])
        let manual = PDFFixture.helvetica(
            "BT /B 16 Tf 72 720 Td (Router Manual) Tj /R 11 Tf 0 -30 Td (The router connects the office network to the internet.) Tj "
                + "0 -16 Td (Voltage: 12 V) Tj ET"
        )
        try spool.drop(manual, as: "router.pdf")
        try spool.drop(manual, as: "router.pdf", tenant: "strict")
        try spool.wait("published and held") {
            spool.statuses(where: "complete").count == 1 && spool.statuses("strict", where: "review").count == 1
        }
        let status = try #require(spool.statuses(where: "complete").values.first)
        let outputs = (status["outputs"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        #expect(outputs.contains { $0.hasSuffix("/SKILL.md") })
        #expect(outputs.contains { $0.hasSuffix(".zip") && !$0.contains("cursor") })
        #expect(outputs.contains { $0.hasSuffix(".qa.json") })
        #expect(outputs.contains { $0.contains("/.cursor/rules/") })
        #expect(outputs.contains { $0.hasSuffix("/AGENTS.md") })
        let scores = status["qaScores"] as? [[String: Any]] ?? []
        #expect(
            Set(scores.compactMap { $0["agent"] as? String }) == [
                "structure", "completeness", "accuracy", "evolution", "script", "trigger",
            ]
        )
        #expect(scores.allSatisfy { $0["passed"] as? Bool == true })
        try spool.wait("the skill index lists the skill") {
            let xml =
                (try? String(
                    contentsOf: spool.folder("acme", "outbox").appendingPathComponent("available_skills.xml"),
                    encoding: .utf8
                )) ?? ""
            return xml.contains("<name>\nrouter-manual\n</name>")
        }
        try spool.wait("the dashboard shows the QA verdict") {
            let html =
                (try? String(
                    contentsOf: spool.folder("acme", "outbox").appendingPathComponent("index.html"),
                    encoding: .utf8
                )) ?? ""
            return html.contains("1 skill, ") && html.contains("(passed)")
        }
        // As a browser renders it: the job's document, its skill with description, QA and links, the credits.
        let dom = try Chromium.dom(of: spool.folder("acme", "outbox").appendingPathComponent("index.html"))
        #expect(dom.contains("<td>router-manual</td>"))
        #expect(dom.contains("The router connects the office network to the internet."))
        #expect(dom.contains("router.pdf (1 page"))
        #expect(dom.contains("structure 100") && dom.contains("trigger "))
        #expect(dom.contains("/router-manual/SKILL.md\">folder</a>") && dom.contains("/router-manual.zip\">zip</a>"))
        #expect(dom.contains("Credits charged: 1 of 1 reserved."))
        let held = try #require(spool.statuses("strict", where: "review").values.first)
        #expect((held["qaScores"] as? [[String: Any]] ?? []).contains { $0["passed"] as? Bool == false })
        spool.stop()
    }
}
