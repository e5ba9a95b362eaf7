import Foundation

/// A PostgreSQL server of one test's own (initdb in a temporary folder, a unix socket there), for tests that stop
/// and start the server — the shared test server must stay up for every other test.
public final class PrivatePostgres {
    /// The cluster's folder; its socket lives there too.
    public let folder: URL
    private let bin: URL
    private let asOwner: [String]

    /// The `ledger` setting of the cluster's `postgres` database.
    public var url: String { "postgresql://skillspool@/postgres?host=\(folder.path)" }

    /// Whether Debian's PostgreSQL server binaries are installed (the test is skipped otherwise).
    public static var available: Bool { serverBin() != nil }

    /// Creates the cluster and starts it. As root the cluster belongs to the `postgres` user (initdb refuses root).
    public init() throws {
        guard let bin = Self.serverBin() else { throw TestPostgres.SetupError("PostgreSQL's server is not installed") }
        self.bin = bin
        folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "skillspool-pg-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        if getuid() == 0 {
            asOwner = ["/usr/sbin/runuser", "-u", "postgres", "--"]
            try Self.run(["/bin/chown", "postgres:", folder.path])
        } else {
            asOwner = []
        }
        try Self.run(
            asOwner + [
                bin.appendingPathComponent("initdb").path, "-D", folder.appendingPathComponent("data").path,
                "-U", "skillspool", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync",
            ]
        )
        try start()
    }

    deinit {
        try? stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Starts the server and waits until it accepts connections.
    public func start() throws {
        try Self.run(
            asOwner + [
                bin.appendingPathComponent("pg_ctl").path, "-D", folder.appendingPathComponent("data").path,
                "-l", folder.appendingPathComponent("server.log").path, "-w", "-t", "60",
                "-o", "-k \(folder.path) -c listen_addresses='' -c fsync=off", "start",
            ]
        )
    }

    /// Stops the server at once (`immediate`: like a crash or a cut cable, no goodbye to the clients).
    public func stop() throws {
        try Self.run(
            asOwner + [
                bin.appendingPathComponent("pg_ctl").path, "-D", folder.appendingPathComponent("data").path,
                "-m", "immediate", "-w", "stop",
            ]
        )
    }

    private static func serverBin() -> URL? {
        let root = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        for version in versions.sorted(by: { $0.compare($1, options: .numeric) == .orderedDescending }) {
            let bin = root.appendingPathComponent(version).appendingPathComponent("bin")
            if FileManager.default.isExecutableFile(atPath: bin.appendingPathComponent("initdb").path) { return bin }
        }
        return nil
    }

    /// Runs a command to its end, its output discarded. posix_spawn and waitpid rather than `Process`: `pg_ctl start`
    /// leaves the server running with the descriptors it inherited, and `Process` did not see the command end.
    private static func run(_ arguments: [String]) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(
                &actions,
                descriptor,
                "/dev/null",
                descriptor == 0 ? O_RDONLY : O_WRONLY,
                0
            )
        }
        var pointers = arguments.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, &pointers, environ)
        guard spawned == 0 else { throw TestPostgres.SetupError("\(arguments[0]) cannot start: error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // A normal exit with status 0: the low 7 bits (the signal) and the exit code both zero.
        guard status == 0 else {
            throw TestPostgres.SetupError("\(arguments.joined(separator: " ")) ended with wait status \(status)")
        }
    }
}
