import Foundation
import PDFFixtures
import Testing

/// The uploaders and the server the test starts, from Debian's packages.
enum UploaderTools {
    static let paths = ["/usr/sbin/sshd", "/usr/bin/sftp", "/usr/bin/ssh-keygen", "/usr/bin/rsync", "/usr/bin/curl"]
    static var present: Bool { getuid() == 0 && paths.allSatisfy { FileManager.default.isExecutableFile(atPath: $0) } }
}

/// Real uploaders writing into a tenant's inbox, each killed half-way and resumed: OpenSSH's `sftp` into a chrooted
/// tenant account served by `sshd` on 127.0.0.1, `rsync --inplace`, and `curl -T` writing in place. Whatever the
/// pause, the daemon takes only the whole file.
@Suite(
    "Real uploaders",
    .serialized,
    .enabled(if: UploaderTools.present, "needs root, sshd, sftp, rsync and curl (make test installs them)")
)
struct UploaderTests {
    static let account = "skillspool-sftp"

    /// A PDF of `pages` pages, each padded so the whole file takes seconds at a throttled rate.
    static func largePDF(_ tag: String, pages: Int = 120) -> [UInt8] {
        var pdf = PDFFixture()
        let font = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        let padding = String(repeating: "% padding line of an uploaded page\n", count: 600)
        for page in 1...pages {
            pdf.addPage(
                content: "BT /F1 12 Tf 72 700 Td (\(tag) page \(page)) Tj ET\n" + padding,
                resources: "<< /Font << /F1 \(font) 0 R >> >>"
            )
        }
        return pdf.data()
    }

    /// Starts `arguments` with its output discarded.
    func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs `arguments` to its end; returns its exit status.
    @discardableResult
    func run(_ arguments: [String]) throws -> Int32 {
        let process = try start(arguments)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Starts `arguments` and kills it after `seconds` (mid-transfer at the throttled rate).
    func killed(_ arguments: [String], after seconds: Double) throws {
        let process = try start(arguments)
        Thread.sleep(forTimeInterval: seconds)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    @Test("sftp (chrooted account), rsync and curl killed mid-upload and resumed: each file is one whole job")
    func killedAndResumed() throws {
        let spool = try SpoolHarness(
            tenants: ["acme": #", "incompleteUploadSeconds": 300"#],
            base: URL(fileURLWithPath: "/var/lib")
        )
        try spool.start()
        let inbox = spool.folder("acme", "inbox")
        let keys = spool.root.appendingPathComponent("keys")
        try FileManager.default.createDirectory(at: keys, withIntermediateDirectories: true)

        // The tenant's account: no shell, no password, chrooted to spool/acme, allowed to write its inbox only.
        if try run(["/usr/bin/id", Self.account]) != 0 {
            try run(["/usr/sbin/useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", Self.account])
        }
        try run(["/usr/sbin/usermod", "-p", "*", Self.account])
        try run(["/usr/bin/chown", Self.account, inbox.path])
        for name in ["host", "client"] {
            try run(["/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", keys.appendingPathComponent(name).path])
        }
        try FileManager.default.copyItem(
            at: keys.appendingPathComponent("client.pub"),
            to: keys.appendingPathComponent("authorized_keys")
        )
        let port = 40_000 + Int(getpid() % 20_000)
        let configuration = spool.root.appendingPathComponent("sshd_config")
        try """
        Port \(port)
        ListenAddress 127.0.0.1
        HostKey \(keys.path)/host
        PidFile \(spool.root.path)/sshd.pid
        AuthorizedKeysFile \(keys.path)/authorized_keys
        StrictModes no
        UsePAM no
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        Subsystem sftp internal-sftp
        Match User \(Self.account)
            ChrootDirectory \(spool.root.path)/spool/acme
            ForceCommand internal-sftp
            AllowTcpForwarding no
            X11Forwarding no
        """.write(to: configuration, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        #expect(try run(["/usr/sbin/sshd", "-f", configuration.path, "-E", spool.root.path + "/sshd.log"]) == 0)
        defer {
            if let pid = try? String(contentsOf: spool.root.appendingPathComponent("sshd.pid"), encoding: .utf8),
                let number = pid_t(pid.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                kill(number, SIGTERM)
            }
        }
        Thread.sleep(forTimeInterval: 0.5)

        let sources = spool.root.appendingPathComponent("sources")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        var sizes: [String: Int] = [:]
        for name in ["sftp", "rsync", "curl"] {
            let bytes = Self.largePDF(name)
            sizes["\(name).pdf"] = bytes.count
            try Data(bytes).write(to: sources.appendingPathComponent("\(name).pdf"))
        }
        func sftp(_ command: String, limit: [String] = []) throws -> [String] {
            let batch = spool.root.appendingPathComponent("batch-\(command.prefix(4))")
            try "\(command) \(sources.path)/sftp.pdf inbox/sftp.pdf\n".write(to: batch, atomically: true, encoding: .utf8)
            return ["/usr/bin/sftp", "-q", "-b", batch.path, "-i", keys.path + "/client", "-P", "\(port)"] + limit + [
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
                "\(Self.account)@127.0.0.1",
            ]
        }
        // Each uploader at ~200 KB/s, killed after 1.5 s: a third of the file or less is there.
        try killed(try sftp("put", limit: ["-l", "1600"]), after: 1.5)
        try killed(
            ["/usr/bin/rsync", "--inplace", "--bwlimit=200", sources.path + "/rsync.pdf", inbox.path + "/rsync.pdf"],
            after: 1.5
        )
        // curl does not throttle file:// writes: it reads the upload from a pipe that stalls after a third.
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = ["-s", "-T", "-", "file://" + inbox.path + "/curl.pdf"]
        let feed = Pipe()
        curl.standardInput = feed
        try curl.run()
        let curlBytes = try Data(contentsOf: sources.appendingPathComponent("curl.pdf"))
        feed.fileHandleForWriting.write(curlBytes.prefix(curlBytes.count / 3))
        Thread.sleep(forTimeInterval: 1)
        kill(curl.processIdentifier, SIGKILL)
        curl.waitUntilExit()
        // Paused far longer than the quiet period (0.3 s): nothing is taken.
        Thread.sleep(forTimeInterval: 2)
        #expect(spool.statuses().isEmpty && spool.failureCodes().isEmpty)
        for name in ["sftp.pdf", "rsync.pdf", "curl.pdf"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: inbox.path + "/" + name)[.size] as? Int) ?? 0
            #expect(size > 0 && size < sizes[name]!, "\(name): \(size) of \(sizes[name]!) bytes before the resume")
        }

        // Resumed the way each tool resumes.
        #expect(try run(try sftp("reput")) == 0)
        #expect(try run(["/usr/bin/rsync", "--inplace", "--append-verify", sources.path + "/rsync.pdf", inbox.path + "/rsync.pdf"]) == 0)
        #expect(try run(["/usr/bin/curl", "-s", "-C", "-", "-T", sources.path + "/curl.pdf", "file://" + inbox.path + "/curl.pdf"]) == 0)

        try spool.wait("three whole jobs", timeout: 60) { spool.statuses(where: "complete").count == 3 }
        for status in spool.statuses(where: "complete").values {
            let document = try #require((status["documents"] as? [[String: Any]])?.first)
            let name = try #require(document["filename"] as? String)
            #expect(document["bytes"] as? Int == sizes[name], "\(name) was taken whole")
            #expect(document["pageCount"] as? Int == 120)
        }
        #expect(spool.failureCodes().isEmpty)
        spool.stop()
    }
}
