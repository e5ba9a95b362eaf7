import Foundation
import PDFFixtures
import Testing

@Suite("Daemon: tenants are walled off", .serialized)
struct DaemonSecurityTests {
    /// What must never appear in anything Skillspool writes for tenant `acme`.
    static let secret = "Zebra secret of the other tenant"

    /// Every byte written under acme's outbox, review and failed folders (regular files only).
    func acmeOutputs(_ spool: SpoolHarness) -> String {
        var text = ""
        for area in ["outbox", "review"] {
            let base = spool.folder("acme", area)
            guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
            for case let path as String in walker {
                let url = base.appendingPathComponent(path)
                let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
                guard values?.isRegularFile == true, values?.isSymbolicLink != true else { continue }
                text += (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            }
        }
        return text
    }

    @Test("a decision planted in review/ for no job neither stops the daemon nor moves anything into the outbox")
    func plantedReview() throws {
        let spool = try SpoolHarness(tenants: ["acme": "", "zebra": ""])
        try spool.start(tenants: ["acme", "zebra"])
        spool.stop()
        // While the daemon is down, acme plants a decided "job" that the ledger never held.
        let planted = spool.folder("acme", "review").appendingPathComponent("j-planted")
        try FileManager.default.createDirectory(at: planted, withIntermediateDirectories: true)
        for (name, text) in [("APPROVE", ""), ("status.json", "{}"), ("evil.md", "# planted")] {
            try Data(text.utf8).write(to: planted.appendingPathComponent(name))
        }
        try spool.start(tenants: ["acme", "zebra"])
        try spool.drop(PDFFixture.helloWorld("Zebra's own document"), as: "z.pdf", tenant: "zebra")
        try spool.wait("the other tenant's job is published") { spool.statuses("zebra", where: "complete").count == 1 }
        #expect(!spool.contents("acme", "outbox").contains("j-planted"))
        #expect(FileManager.default.fileExists(atPath: planted.appendingPathComponent("evil.md").path))
        spool.stop()
    }

    @Test("a tenant whose folders were tampered with while the daemon was down is degraded, the others are served")
    func tamperedTenant() throws {
        let spool = try SpoolHarness(tenants: ["acme": "", "zebra": ""])
        try spool.start(tenants: ["acme", "zebra"])
        spool.stop()
        // acme's outbox becomes a link to zebra's, and a decided "job" without claim is planted in its review/.
        let outbox = spool.folder("acme", "outbox")
        try FileManager.default.removeItem(at: outbox)
        try FileManager.default.createSymbolicLink(at: outbox, withDestinationURL: spool.folder("zebra", "outbox"))
        let planted = spool.folder("acme", "review").appendingPathComponent("j-y")
        try FileManager.default.createDirectory(at: planted, withIntermediateDirectories: true)
        try Data("no".utf8).write(to: planted.appendingPathComponent("REJECT"))
        try Data("{}".utf8).write(to: planted.appendingPathComponent("status.json"))

        let doctor = try spool.cli(["doctor"])
        #expect(doctor.status == 1)
        #expect(doctor.stdout.contains("tenant acme") && doctor.stdout.contains("ERR::SECURITY::SYMLINK"))

        try spool.start(tenants: ["zebra"])
        try spool.drop(PDFFixture.helloWorld("Zebra goes on"), as: "z.pdf", tenant: "zebra")
        try spool.wait("the other tenant's job is published") { spool.statuses("zebra", where: "complete").count == 1 }
        try spool.wait("the metrics name the degraded tenant") {
            let metrics =
                (try? String(contentsOf: spool.root.appendingPathComponent("spool/metrics.prom"), encoding: .utf8))
                ?? ""
            return metrics.contains(#"skillspool_tenant_degraded{tenant="acme"} 1"#)
        }
        #expect(spool.process?.isRunning == true)

        // Repaired, the tenant is served again at the next reload without a restart.
        try FileManager.default.removeItem(at: outbox)
        try FileManager.default.createDirectory(at: outbox, withIntermediateDirectories: true)
        try spool.wait("acme's inbox is watched again") { spool.log.contains("tenant served again") }
        try spool.drop(PDFFixture.helloWorld("Acme is back"), as: "a.pdf", tenant: "acme")
        try spool.wait("acme's job is published") { spool.statuses("acme", where: "complete").count == 1 }
        spool.stop()
    }

    @Test("below the free-space floor nothing is claimed; the files wait in the inbox untouched")
    func freeSpaceFloor() throws {
        let spool = try SpoolHarness(daemon: #", "minFreeBytes": 1000000000000000000"#)
        try spool.start()
        try spool.drop(SpoolPDF.numbered(1), as: "wait.pdf")
        try spool.wait("the floor is logged") { spool.log.contains("free space below minFreeBytes") }
        Thread.sleep(forTimeInterval: 1.5)
        #expect(spool.contents("acme", "inbox") == ["wait.pdf"] && spool.statuses().isEmpty)
        spool.stop()
    }

    @Test("links, FIFOs, traversal and absolute paths in manifests, zip-slip and zip bombs are refused with codes")
    func attacks() throws {
        let spool = try SpoolHarness(tenants: ["acme": "", "zebra": ""])
        try spool.start(tenants: ["acme", "zebra"])
        // The other tenant's document, waiting in its own (unwatched by acme) folder.
        let victim = spool.folder("zebra", "failed").appendingPathComponent("keep.pdf")
        try Data(PDFFixture.helloWorld(Self.secret)).write(to: victim)
        let acme = spool.folder("acme", "inbox")

        try FileManager.default.createSymbolicLink(
            atPath: acme.appendingPathComponent("zebra.pdf").path,
            withDestinationPath: victim.path
        )
        try FileManager.default.createSymbolicLink(
            atPath: acme.appendingPathComponent("passwd.pdf").path,
            withDestinationPath: "/etc/passwd"
        )
        link(victim.path, acme.appendingPathComponent("hard.pdf").path)
        mkfifo(acme.appendingPathComponent("pipe.pdf").path, 0o644)
        try spool.drop(Array(#"{"documents": [{"file": "../../zebra/failed/keep.pdf"}]}"#.utf8), as: "climb.job.json")
        try spool.drop(Array("{\"documents\": [{\"file\": \"\(victim.path)\"}]}".utf8), as: "absolute.job.json")
        try spool.drop(
            ArchiveBuilder.bytes([.file("ok.pdf", SpoolPDF.numbered(1)), .file("../../zebra/inbox/planted.pdf", [1])]),
            as: "slip.zip"
        )
        try spool.drop(
            ArchiveBuilder.bytes([.file("zeros.pdf", [UInt8](repeating: 0, count: 40 << 20))]),
            as: "bomb.zip"
        )
        try spool.drop(
            ArchiveBuilder.bytes([.symlink("link.pdf", target: victim.path)], format: .tarGzip),
            as: "link.tar.gz"
        )

        let expected = [
            "ERR::ARCHIVE::COMPRESSION_RATIO", "ERR::SECURITY::ABSOLUTE_PATH", "ERR::SECURITY::HARDLINK",
            "ERR::SECURITY::LINK_MEMBER", "ERR::SECURITY::NOT_REGULAR_FILE", "ERR::SECURITY::PATH_TRAVERSAL",
            "ERR::SECURITY::PATH_TRAVERSAL", "ERR::SECURITY::SYMLINK", "ERR::SECURITY::SYMLINK",
        ]
        // A failed job's work folder is removed after its failure is recorded in failed/.
        try spool.wait("every attack refused", timeout: 30) {
            spool.failureCodes().sorted() == expected && spool.contents("acme", ".work").isEmpty
        }
        #expect(spool.statuses(where: "complete").isEmpty)
        #expect(!acmeOutputs(spool).contains(Self.secret))
        #expect(!acmeOutputs(spool).contains("root:x:0:0"))
        #expect(
            !FileManager.default.fileExists(
                atPath: spool.folder("zebra", "inbox").appendingPathComponent("planted.pdf").path
            )
        )
        #expect(try Data(contentsOf: victim) == Data(PDFFixture.helloWorld(Self.secret)), "the victim is untouched")
        #expect(spool.contents("acme", "inbox").isEmpty)
        #expect(spool.contents("zebra", "outbox").filter { $0.hasPrefix("j-") || $0.hasPrefix("q-") }.isEmpty)
        spool.stop()
    }

    @Test("plan limits: documents per job, pages per document, credits — refused before any work")
    func planLimits() throws {
        let spool = try SpoolHarness(tenants: [
            "acme": #", "plan": { "documentsPerJob": 2, "pagesPerDocument": 1, "monthlyCredits": 1 }"#
        ])
        try spool.start()
        try spool.drop(
            Array(#"{"documents": [{"file": "a.pdf"}, {"file": "b.pdf"}, {"file": "c.pdf"}]}"#.utf8),
            as: "three.job.json"
        )
        var twoPages = PDFFixture()
        let font = twoPages.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        for text in ["one", "two"] {
            twoPages.addPage(
                content: "BT /F1 12 Tf 72 700 Td (\(text)) Tj ET",
                resources: "<< /Font << /F1 \(font) 0 R >> >>"
            )
        }
        try spool.drop(twoPages.data(), as: "long.pdf")
        try spool.wait("both refused", timeout: 20) {
            spool.failureCodes().sorted() == ["ERR::PLAN::TOO_MANY_DOCUMENTS", "ERR::PLAN::TOO_MANY_PAGES"]
        }
        // One credit a month: the first one-page job spends it, the second is refused before any work.
        try spool.drop(SpoolPDF.numbered(1), as: "first.pdf")
        try spool.wait("first published") { spool.statuses(where: "complete").count == 1 }
        try spool.drop(SpoolPDF.numbered(2), as: "second.pdf")
        try spool.wait("second refused for credits", timeout: 20) {
            spool.failureCodes().contains("ERR::BILLING::INSUFFICIENT_CREDITS")
        }
        let export = try spool.cli(["ledger", "export", "--format", "jsonl"])
        #expect(export.stdout.split(separator: "\n").filter { $0.contains("\"reserve\"") }.count == 1)
        #expect(try spool.cli(["ledger", "verify"]).status == 0)
        spool.stop()
    }
}
