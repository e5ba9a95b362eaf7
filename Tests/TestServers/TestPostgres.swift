import Foundation

/// The tests' PostgreSQL server: a `postgresql://` URL of a role that may create databases, on a unix socket, set
/// by `Scripts/with-postgres.sh` (which `make test` uses) in `SKILLSPOOL_TEST_POSTGRESQL`.
public enum TestPostgres {
    public static let url: String? = ProcessInfo.processInfo.environment["SKILLSPOOL_TEST_POSTGRESQL"]

    /// Why the PostgreSQL variants of tests do not run, for their skip message.
    public static let skipReason = "SKILLSPOOL_TEST_POSTGRESQL is not set: the PostgreSQL tests are skipped"

    /// A new, empty database on the test server; its URL.
    public static func createDatabase() throws -> String {
        guard let url else { throw SetupError("no test PostgreSQL server") }
        let name = "ledger_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try psql(url, "CREATE DATABASE \(name)")
        return url.replacingOccurrences(of: "/postgres?", with: "/\(name)?")
    }

    /// Runs SQL with `psql` on `url`'s database, failing when psql does.
    public static func psql(_ url: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = ["--no-psqlrc", "--quiet", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw SetupError("psql failed: \(sql)") }
    }

    /// A test server that could not be used.
    public struct SetupError: Error, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }
}
