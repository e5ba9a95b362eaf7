import Foundation
import PDFFixtures
import Testing

/// Conversions run in worker processes under each tenant's plan: documents built to exhaust memory, time or the
/// engine's budgets, and a worker that crashes, fail only their own job with their own code.
@Suite("Job workers", .serialized)
struct WorkerIsolationTests {
    /// The pid of a running job worker of `tenant`, if any.
    static func worker(of tenant: String) -> pid_t? {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let pid = pid_t(entry),
                let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline")
            else { continue }
            let arguments = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            if arguments.contains("worker"),
                let index = arguments.firstIndex(of: "--tenant"), arguments.indices.contains(index + 1),
                arguments[index + 1] == tenant
            {
                return pid
            }
        }
        return nil
    }

    @Test("a glyph bomb, a runaway document, a memory hog and a crashing worker fail only their own jobs")
    func hostileDocuments() throws {
        let spool = try SpoolHarness(tenants: [
            // Each limit in its own tenant, so that a slow machine cannot turn one failure into the other.
            "tight": #", "plan": { "monthlyCredits": 100000, "secondsPerDocument": 3 }"#,
            "small": #", "plan": { "monthlyCredits": 100000, "secondsPerDocument": 120, "memoryPerJobBytes": 314572800 }"#,
            "bulk": "",
            "zebra": "",
        ])
        try spool.start(tenants: ["tight", "small", "bulk", "zebra"])
        let started = Date()
        try spool.drop(PDFFixture.glyphBomb(pages: 500, glyphs: 100_000), as: "glyphs.pdf", tenant: "bulk")
        try spool.drop(PDFFixture.glyphBomb(pages: 500, glyphs: 100_000), as: "hog.pdf", tenant: "small")
        try spool.drop(PDFFixture.operatorBomb(pages: 40, repetitions: 2_400_000), as: "slow.pdf", tenant: "tight")
        for index in 0..<3 { try spool.drop(SpoolPDF.numbered(index, tag: "Zebra"), as: "z\(index).pdf", tenant: "zebra") }

        try spool.wait("the other tenant's jobs are published", timeout: 60) {
            spool.statuses("zebra", where: "complete").count == 3
        }
        let zebraDone = Date().timeIntervalSince(started)
        try spool.wait("the glyph bomb is refused", timeout: 120) { spool.failureCodes("bulk").count == 1 }
        #expect(spool.failureCodes("bulk") == ["ERR::LIMIT::GLYPHS"])
        try spool.wait("the runaway document and the memory hog fail", timeout: 120) {
            spool.failureCodes("tight").count == 1 && spool.failureCodes("small").count == 1
        }
        #expect(spool.failureCodes("tight") == ["ERR::LIMIT::TIMEOUT"])
        #expect(spool.failureCodes("small") == ["ERR::LIMIT::MEMORY"])

        // A worker that dies of a signal mid-conversion: the engine crashed, for that job only.
        try spool.drop(PDFFixture.operatorBomb(pages: 40, repetitions: 2_400_000), as: "crash.pdf", tenant: "bulk")
        var worker: pid_t?
        try spool.wait("bulk's worker runs", timeout: 60) {
            worker = Self.worker(of: "bulk")
            return worker != nil
        }
        kill(worker!, SIGSEGV)
        try spool.wait("the crash fails the job", timeout: 60) { spool.failureCodes("bulk").count == 2 }
        #expect(spool.failureCodes("bulk").contains("ERR::INPUT::ENGINE_CRASH"))

        #expect(spool.process?.isRunning == true)
        #expect(zebraDone < 60)
        // Every refused input is kept beside its error.
        for tenant in ["tight", "small", "bulk"] {
            for job in spool.contents(tenant, "failed") {
                let files = (try? FileManager.default.contentsOfDirectory(atPath: spool.folder(tenant, "failed/\(job)").path)) ?? []
                #expect(files.contains { $0.hasSuffix(".pdf") }, "\(tenant)/\(job) keeps its input")
            }
        }
        #expect(try spool.cli(["ledger", "verify"]).status == 0)
        spool.stop()
    }
}
