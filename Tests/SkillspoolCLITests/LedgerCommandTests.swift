import Foundation
import Testing

@Suite("skillspool jobs and ledger")
struct LedgerCommandTests {
    private func seededLedger() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cli-ledger-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/ledger.sqlite"
        let load = Process()
        load.executableURL = CLI.executable.deletingLastPathComponent().appendingPathComponent("skillspool-ledger-load")
        load.arguments = ["stream", path, "--rate", "600", "--seconds", "1"]
        load.standardOutput = FileHandle.nullDevice
        try load.run()
        load.waitUntilExit()
        return path
    }

    @Test("jobs list and show, summary, export, verify, backup through the CLI")
    func commands() throws {
        let path = try seededLedger()
        let folder = (path as NSString).deletingLastPathComponent
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let list = try CLI.run(["jobs", "list", "--ledger", path, "--json", "--page-size", "2"])
        #expect(list.status == 0)
        let page = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any]
        let jobs = page?["jobs"] as? [[String: Any]]
        #expect(jobs?.count == 2)
        let total = page?["total"] as? Int ?? 0
        #expect(total > 50)

        let id = try #require(jobs?.first?["id"] as? String)
        let show = try CLI.run(["jobs", "show", id, "--ledger", path])
        let detail = try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any]
        #expect(detail?["status"] as? String == "complete")
        #expect((detail?["credits"] as? [String: Any])?["charged"] as? Int == 2)

        let missing = try CLI.run(["jobs", "show", "no-such-job", "--ledger", path])
        #expect(missing.status == 2 && missing.stderr.contains("ERR::LEDGER::UNKNOWN_JOB"))

        let summary = try CLI.run(["ledger", "summary", "--ledger", path, "--json"])
        let lines = try JSONSerialization.jsonObject(with: Data(summary.stdout.utf8)) as? [[String: Any]]
        #expect(lines?.first?["tenant"] as? String == "stream")
        #expect(lines?.first?["settled"] as? Int == total * 2)

        let export = try CLI.run(["ledger", "export", "--ledger", path, "--format", "jsonl"])
        #expect(export.stdout.split(separator: "\n").count == total * 3)

        let verify = try CLI.run(["ledger", "verify", "--ledger", path])
        #expect(verify.status == 0 && verify.stdout == "ledger ok\n")

        let backup = try CLI.run(["ledger", "backup", "--ledger", path, folder + "/backup.sqlite"])
        #expect(backup.status == 0 && FileManager.default.fileExists(atPath: folder + "/backup.sqlite"))

        let incremental = try CLI.run(["ledger", "export", "--ledger", path, "--cursor-file", folder + "/cursor"])
        #expect(incremental.status == 2 && incremental.stderr.contains("ERR::LEDGER::INVALID_ARGUMENT"))
    }
}
