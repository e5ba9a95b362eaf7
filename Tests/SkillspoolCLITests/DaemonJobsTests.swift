import Foundation
import PDFFixtures
import Testing

@Suite("Daemon: scheduling, review and crash recovery", .serialized)
struct DaemonJobsTests {
    @Test("two tenants with 500 files and 1 file: the single file is published before the 500 are done")
    func fairness() throws {
        let spool = try SpoolHarness(tenants: ["big": "", "small": ""])
        try spool.start(tenants: ["big", "small"])
        for index in 0..<500 {
            try spool.dropByRename(
                SpoolPDF.numbered(index, tag: "Big"),
                temporary: ".b\(index).tmp",
                as: "b\(index).pdf",
                tenant: "big"
            )
        }
        try spool.wait("the big tenant is under way", timeout: 60) { !spool.statuses("big", where: "complete").isEmpty }
        try spool.drop(SpoolPDF.numbered(1, tag: "Small"), as: "only.pdf", tenant: "small")
        try spool.wait("the small tenant's file is published", timeout: 60) {
            spool.statuses("small", where: "complete").count == 1
        }
        let bigDone = spool.statuses("big", where: "complete").count
        #expect(bigDone < 500, "published while the big tenant still had \(500 - bigDone) to go")
        try spool.wait("the big tenant finishes", timeout: 180) {
            spool.statuses("big", where: "complete").count == 500
        }
        spool.stop()
    }

    @Test("review: held jobs are published on APPROVE and failed on REJECT")
    func review() throws {
        let spool = try SpoolHarness()
        try spool.start()
        for name in ["keep", "drop", "refund"] {
            try spool.drop(SpoolPDF.numbered(name.count, tag: name), as: "\(name).pdf")
            try spool.drop(
                Array(#"{"documents": [{"file": "\#(name).pdf"}], "review": "always", "reference": "\#(name)"}"#.utf8),
                as: "\(name).job.json"
            )
        }
        try spool.wait("all held") { spool.statuses(where: "review").count == 3 }
        #expect(spool.contents("acme", "review").count == 3)
        let held = spool.statuses(where: "review")
        let keep = try #require(held.first { $0.value["reference"] as? String == "keep" }?.key)
        let drop = try #require(held.first { $0.value["reference"] as? String == "drop" }?.key)
        let refund = try #require(held.first { $0.value["reference"] as? String == "refund" }?.key)
        // A file planted among the held outputs is not published with them.
        try Data("# planted".utf8).write(to: spool.folder("acme", "review/\(keep)/evil.md"))
        #expect(try spool.cli(["review", "approve", keep]).status == 0)
        #expect(try spool.cli(["review", "reject", drop, "--reason", "wrong customer"]).status == 0)
        #expect(try spool.cli(["review", "reject", refund, "--refund"]).status == 0)
        try spool.wait("decisions carried out") {
            spool.statuses()[keep]?["status"] as? String == "complete"
                && spool.statuses()[drop]?["status"] as? String == "failed"
                && spool.statuses()[refund]?["status"] as? String == "failed"
        }
        #expect(!spool.contents("acme", "outbox/\(keep)").contains("evil.md"))
        // A rejection is charged (the outputs were there to read); an operator's --refund is not.
        let charged = { (job: String) in (spool.statuses()[job]?["credits"] as? [String: Any])?["charged"] as? Int }
        #expect(charged(drop) == 1 && charged(refund) == 0 && charged(keep) == 1)

        // An APPROVE written ahead for the predictable id of a job not yet dropped decides nothing.
        let again = spool.folder("acme", "review/\(drop)-r2")
        try FileManager.default.createDirectory(at: again, withIntermediateDirectories: true)
        try Data().write(to: again.appendingPathComponent("APPROVE"))
        try Data("{}".utf8).write(to: again.appendingPathComponent("status.json"))
        try spool.drop(SpoolPDF.numbered(4, tag: "drop"), as: "drop.pdf")
        try spool.drop(
            Array(#"{"documents": [{"file": "drop.pdf"}], "review": "always", "reference": "drop"}"#.utf8),
            as: "drop.job.json"
        )
        try spool.wait("the second drop is held") { spool.statuses()["\(drop)-r2"]?["status"] as? String == "review" }
        Thread.sleep(forTimeInterval: 1.5)
        #expect(spool.statuses()["\(drop)-r2"]?["status"] as? String == "review")
        #expect(!spool.contents("acme", "review/\(drop)-r2").contains("APPROVE"))
        #expect(try spool.cli(["review", "reject", "\(drop)-r2"]).status == 0)
        try spool.wait("the second drop is rejected") {
            spool.statuses()["\(drop)-r2"]?["status"] as? String == "failed"
        }
        let outputs = try #require(spool.statuses()[keep]?["outputs"] as? [[String: Any]])
        for output in outputs {
            let path = try #require(output["path"] as? String)
            #expect(
                FileManager.default.fileExists(atPath: spool.folder("acme", "outbox").appendingPathComponent(path).path)
            )
        }
        #expect(spool.failureCodes() == Array(repeating: "ERR::REVIEW::REJECTED", count: 3))
        #expect(spool.contents("acme", "failed").count == 3)
        let failedInputs = spool.contents("acme", "failed/\(drop)")
        #expect(failedInputs == ["drop.job.json", "drop.pdf", "error.json"])
        // A failed job's work folder goes after its status says so.
        try spool.wait("the work folders are cleared") { spool.contents("acme", ".work").isEmpty }
        #expect(spool.contents("acme", "review").isEmpty)
        #expect(try spool.cli(["ledger", "verify"]).status == 0)
        spool.stop()
    }

    @Test("a second daemon on the same spool is refused with ERR::SPOOL::IN_USE; the lock dies with its holder")
    func oneDaemonPerSpool() throws {
        let spool = try SpoolHarness()
        try spool.start()
        let holder = try #require(spool.process?.processIdentifier)
        let second = Process()
        second.executableURL = SpoolHarness.daemonExecutable
        second.arguments = ["serve", "--config", spool.configPath]
        let errors = Pipe()
        second.standardError = errors
        second.standardOutput = FileHandle.nullDevice
        try second.run()
        let deadline = Date().addingTimeInterval(20)
        while second.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if second.isRunning { kill(second.processIdentifier, SIGKILL) }
        second.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(second.terminationStatus == 2)
        #expect(message.contains("ERR::SPOOL::IN_USE") && message.contains("pid \(holder) on "))

        // Killed, the holder leaves the lock file but not the lock: the next daemon starts and serves.
        spool.crash()
        try spool.start()
        try spool.drop(SpoolPDF.numbered(1), as: "after.pdf")
        try spool.wait("the new daemon publishes") { spool.statuses(where: "complete").count == 1 }
        #expect(spool.stop() == 0)
    }

    @Test("kill -9 at random moments during 300 jobs: each job ends once, the ledger verifies, nothing billed twice")
    func crashes() throws {
        let spool = try SpoolHarness(tenants: ["acme": #", "quietSeconds": 0.1, "settleSeconds": 0.2"#])
        try spool.start()
        for index in 0..<300 {
            try spool.dropByRename(
                SpoolPDF.numbered(index, tag: "Crash"),
                temporary: ".c\(index).tmp",
                as: "c\(index).pdf"
            )
        }
        var generator = SplitMix(seed: 20_261_123)
        for _ in 0..<20 {
            Thread.sleep(forTimeInterval: 0.15 + Double(generator.next() % 600) / 1000)
            spool.crash()
            try spool.start()
        }
        try spool.wait("every job finished", timeout: 240) {
            let finished = spool.statuses().values.filter {
                ["complete", "failed"].contains($0["status"] as? String ?? "")
            }
            return finished.count >= 300 && spool.contents("acme", "inbox").isEmpty
                && spool.contents("acme", ".work").isEmpty
        }
        let statuses = spool.statuses()
        var published: [String: Int] = [:]
        for status in statuses.values where status["status"] as? String == "complete" {
            for document in status["documents"] as? [[String: Any]] ?? [] {
                published[document["filename"] as? String ?? "", default: 0] += 1
            }
        }
        let failed = spool.contents("acme", "failed")
        #expect(published.values.allSatisfy { $0 == 1 }, "no document published twice")
        #expect(published.count + failed.count == 300, "published \(published.count), failed \(failed.count)")
        #expect(try spool.cli(["ledger", "verify"]).status == 0)
        // The kills did land mid-job: restarts found claimed work to resume.
        let recoveries = spool.log.components(separatedBy: "\"message\":\"recovered\"").count - 1
        #expect(recoveries >= 5, "only \(recoveries) restarts found work in flight")
        let export = try spool.cli(["ledger", "export", "--format", "jsonl"]).stdout.split(separator: "\n")
        let settled = export.filter { $0.contains("\"settle\"") }
        let reserves = export.filter { $0.contains("\"reserve\"") }
        #expect(settled.count == published.count, "one settle per published job")
        #expect(reserves.count == Set(reserves.map { $0.split(separator: ",").first { $0.contains("job_id") } }).count)
        spool.stop()
    }
}

/// A tiny seeded generator so the kill schedule is the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
