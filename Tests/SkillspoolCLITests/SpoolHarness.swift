import Foundation
import PDFFixtures
import Testing

/// A temporary installation (etc/ + spool/) with the real daemon (`skillspool serve`) running on it.
final class SpoolHarness {
    let root: URL
    private(set) var process: Process?
    private var logHandle: FileHandle?

    /// `tenants` maps each tenant name to extra JSON members of its configuration; `base` is where the installation
    /// goes (the temporary folder unless a test needs a path no other user can write to, as sshd's chroot does).
    /// `ledger` is the ledger setting (default: a SQLite file in the spool); `plan` extra members of every tenant's
    /// plan.
    init(
        tenants: [String: String] = ["acme": ""],
        daemon: String = "",
        base: URL? = nil,
        ledger: String? = nil,
        plan: String = ""
    ) throws {
        root = (base ?? FileManager.default.temporaryDirectory)
            .appendingPathComponent("skillspool-spool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("etc/tenants"),
            withIntermediateDirectories: true
        )
        try """
        { "spool": "\(root.path)/spool", "ledger": "\(ledger ?? root.path + "/spool/ledger.sqlite")",
          "tenants": "\(root.path)/etc/tenants", "workers": 2, "rescanSeconds": 1, "pollSeconds": 0.5,
          "shutdownGraceSeconds": 20\(daemon) }
        """.write(to: root.appendingPathComponent("etc/skillspool.json"), atomically: true, encoding: .utf8)
        for (name, extra) in tenants {
            try """
            { "name": "\(name)", "quietSeconds": 0.3, "settleSeconds": 1, "incompleteUploadSeconds": 4,
              "manifestWaitSeconds": 4, "defaultFormats": ["json", "text"],
              "plan": { "monthlyCredits": 100000, "jobsPerHour": 100000\(plan) }\(extra) }
            """.write(to: root.appendingPathComponent("etc/tenants/\(name).json"), atomically: true, encoding: .utf8)
        }
    }

    deinit {
        if let process, process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: root)
    }

    var configPath: String { root.appendingPathComponent("etc/skillspool.json").path }

    func folder(_ tenant: String, _ area: String) -> URL { root.appendingPathComponent("spool/\(tenant)/\(area)") }

    /// `skillspool`, which hands `serve` over to the core by exec: the process stays the same.
    static var daemonExecutable: URL { CLI.executable }

    /// Starts the daemon and waits until it has created the tenants' inboxes.
    func start(tenants: [String] = ["acme"]) throws {
        let (process, handle) = try launch([], log: "daemon.log")
        self.process = process
        logHandle = handle
        // Every area, not only the inbox: the daemon makes them one after the other.
        try wait("tenant folders exist", timeout: 20) {
            tenants.allSatisfy { tenant in
                ["inbox", "outbox", "review", "failed"].allSatisfy {
                    FileManager.default.fileExists(atPath: self.folder(tenant, $0).path)
                }
            }
        }
    }

    /// Runs `skillspool serve` on this installation with `arguments` added, appending its output to `log` (a file
    /// in the installation's folder).
    func launch(_ arguments: [String], log name: String) throws -> (Process, FileHandle) {
        let process = Process()
        process.executableURL = Self.daemonExecutable
        process.arguments = ["serve", "--config", configPath, "--log-format", "json"] + arguments
        process.currentDirectoryURL = root
        let log = root.appendingPathComponent(name)
        if !FileManager.default.fileExists(atPath: log.path) {
            FileManager.default.createFile(atPath: log.path, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: log)
        handle.seekToEndOfFile()
        process.standardError = handle
        process.standardOutput = handle
        try process.run()
        return (process, handle)
    }

    /// SIGTERM and wait; returns the exit status.
    @discardableResult
    func stop() -> Int32 {
        guard let process else { return -1 }
        process.terminate()
        process.waitUntilExit()
        self.process = nil
        return process.terminationStatus
    }

    /// SIGKILL: a crash at whatever moment this is.
    func crash() {
        guard let process else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        self.process = nil
    }

    var log: String { (try? String(contentsOf: root.appendingPathComponent("daemon.log"), encoding: .utf8)) ?? "" }

    /// Writes a file into a tenant's inbox the way `cp` across file systems does (in place, then closed).
    func drop(_ bytes: [UInt8], as name: String, tenant: String = "acme") throws {
        try Data(bytes).write(to: folder(tenant, "inbox").appendingPathComponent(name))
    }

    /// Writes under a temporary name, then renames (rsync, WinSCP, `mv`).
    func dropByRename(_ bytes: [UInt8], temporary: String, as name: String, tenant: String = "acme") throws {
        let inbox = folder(tenant, "inbox")
        try Data(bytes).write(to: inbox.appendingPathComponent(temporary))
        try FileManager.default.moveItem(
            at: inbox.appendingPathComponent(temporary),
            to: inbox.appendingPathComponent(name)
        )
    }

    /// Every status.json in a tenant's outbox, parsed, by job id.
    func statuses(_ tenant: String = "acme") -> [String: [String: Any]] {
        let outbox = folder(tenant, "outbox")
        var result: [String: [String: Any]] = [:]
        for job in (try? FileManager.default.contentsOfDirectory(atPath: outbox.path)) ?? [] {
            let url = outbox.appendingPathComponent(job).appendingPathComponent("status.json")
            guard let data = try? Data(contentsOf: url),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { continue }
            result[job] = object
        }
        return result
    }

    func statuses(_ tenant: String = "acme", where status: String) -> [String: [String: Any]] {
        statuses(tenant).filter { $0.value["status"] as? String == status }
    }

    /// The `error.json` codes in a tenant's failed folder.
    func failureCodes(_ tenant: String = "acme") -> [String] {
        let failed = folder(tenant, "failed")
        return ((try? FileManager.default.contentsOfDirectory(atPath: failed.path)) ?? []).sorted().compactMap { job in
            guard
                let data = try? Data(
                    contentsOf: failed.appendingPathComponent(job).appendingPathComponent("error.json")
                ),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { return nil }
            return object["code"] as? String
        }
    }

    func contents(_ tenant: String, _ area: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder(tenant, area).path)) ?? []).sorted()
    }

    /// Polls `condition` every 50 ms; fails the test (with the daemon's log) after `timeout` seconds.
    func wait(_ what: String, timeout: Double = 30, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() {
            if Date() > deadline {
                Issue.record("timed out waiting for \(what); daemon log:\n\(log.suffix(4_000))")
                throw CancellationError()
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// Runs `skillspool` with this installation's configuration.
    func cli(_ arguments: [String]) throws -> CLI.Result {
        try CLI.run(arguments + ["--config", configPath])
    }
}

/// Small distinct PDFs for daemon tests.
enum SpoolPDF {
    static func numbered(_ index: Int, tag: String = "Doc") -> [UInt8] {
        PDFFixture.helloWorld("\(tag) number \(index)")
    }
}
