import ArgumentParser
import CLISupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Commands served by the companion executables installed next to `skillspool`: `skillspool-ledger` (jobs and
/// ledger, GRDB) and `skillspool-daemon` (the spool daemon and its operations commands).
///
/// The arguments are handed over untouched (help included) by replacing this process, so exit status, output and
/// signals are the companion's own.
enum Companion {
    static let ledger = "skillspool-ledger"
    static let daemon = "skillspool-daemon"

    static func exec(_ subcommand: String, _ arguments: [String], in executableName: String = ledger) throws {
        let path = siblingPath(executableName)
        let argv = ["skillspool", subcommand] + arguments
        var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) }
        cArguments.append(nil)
        execv(path, &cArguments)
        // Only reached when exec failed.
        StandardStreams.reportError(
            code: "ERR::CLI::MISSING_COMPONENT",
            message: "cannot run \(path): \(String(cString: strerror(errno))); build it with `swift build`",
            retryable: false
        )
        throw ExitCode(2)
    }

    /// `executableName` in the folder of the running executable.
    private static func siblingPath(_ executableName: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return executableName }
        let path = String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = path.lastIndex(of: "/") else { return executableName }
        return String(path[..<slash]) + "/" + executableName
    }
}

/// `skillspool jobs …` (see `skillspool-ledger`).
struct JobsPassthrough: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "List jobs and show one job's details from the ledger (`skillspool jobs --help`)."
    )

    @Argument(parsing: .captureForPassthrough, help: "list|show and their options.")
    var arguments: [String] = []

    func run() throws { try Companion.exec("jobs", arguments) }
}

/// `skillspool ledger …` (see `skillspool-ledger`).
struct LedgerPassthrough: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Export, summarise, back up and verify the credit ledger (`skillspool ledger --help`)."
    )

    @Argument(parsing: .captureForPassthrough, help: "export|summary|backup|verify|topup and their options.")
    var arguments: [String] = []

    func run() throws { try Companion.exec("ledger", arguments) }
}

/// `skillspool serve …` (see `skillspool-daemon`).
struct ServePassthrough: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract:
            "Run the spool daemon: watch tenant inboxes, process jobs, publish to outboxes (`skillspool serve --help`)."
    )

    @Argument(parsing: .captureForPassthrough, help: "--config, --log-format and --log-level.")
    var arguments: [String] = []

    func run() throws { try Companion.exec("serve", arguments, in: Companion.daemon) }
}

/// `skillspool tenants …` (see `skillspool-daemon`).
struct TenantsPassthrough: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenants",
        abstract: "Add a tenant (configuration + spool folders) or list tenants (`skillspool tenants --help`)."
    )

    @Argument(parsing: .captureForPassthrough, help: "add NAME | list, and their options.")
    var arguments: [String] = []

    func run() throws { try Companion.exec("tenants", arguments, in: Companion.daemon) }
}

/// `skillspool doctor …` (see `skillspool-daemon`).
struct DoctorPassthrough: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract:
            "Check configuration, spool folders, ledger, inotify limits and free disk (`skillspool doctor --help`)."
    )

    @Argument(parsing: .captureForPassthrough, help: "--config and --json.")
    var arguments: [String] = []

    func run() throws { try Companion.exec("doctor", arguments, in: Companion.daemon) }
}

/// `skillspool review …` (see `skillspool-daemon`).
struct ReviewPassthrough: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Approve, reject or list jobs held for review (`skillspool review --help`)."
    )

    @Argument(parsing: .captureForPassthrough, help: "approve JOB | reject JOB --reason TEXT | list.")
    var arguments: [String] = []

    func run() throws { try Companion.exec("review", arguments, in: Companion.daemon) }
}

/// `skillspool package …` (see `skillspool-daemon`).
struct SkillsPassthrough: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "package",
        abstract: "Package PDFs into skills with QA reports (`skillspool package --help`)."
    )

    @Argument(parsing: .captureForPassthrough, help: "FILE... --format … -o DIR.")
    var arguments: [String] = []

    func run() throws { try Companion.exec("package", arguments, in: Companion.daemon) }
}

/// `skillspool topics FILE` (see `skillspool-daemon`).
struct TopicsPassthrough: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics",
        abstract: "Detect a document's topics and whether it makes a catalogue (`skillspool topics --help`)."
    )

    @Argument(parsing: .captureForPassthrough, help: "FILE and options.")
    var arguments: [String] = []

    func run() throws { try Companion.exec("topics", arguments, in: Companion.daemon) }
}

/// `skillspool qa PATH` (see `skillspool-daemon`).
struct QAPassthrough: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qa",
        abstract: "Score a skill folder or zip with the five QA agents (`skillspool qa --help`)."
    )

    @Argument(parsing: .captureForPassthrough, help: "PATH and options.")
    var arguments: [String] = []

    func run() throws { try Companion.exec("qa", arguments, in: Companion.daemon) }
}

/// `skillspool skills index DIR` (see `skillspool-daemon`).
struct SkillsIndexPassthrough: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skills",
        abstract: "Print <available_skills> XML for skill folders (`skillspool skills index DIR`)."
    )

    @Argument(parsing: .captureForPassthrough, help: "index DIR...")
    var arguments: [String] = []

    func run() throws { try Companion.exec("skills", arguments, in: Companion.daemon) }
}
