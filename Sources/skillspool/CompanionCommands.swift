import ArgumentParser
import CLISupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Commands served by the companion executable `skillspool-ledger`, installed next to `skillspool`.
///
/// The arguments are handed over untouched (help included) by replacing this process, so exit status, output and
/// signals are the companion's own.
enum Companion {
    static let executableName = "skillspool-ledger"

    static func exec(_ subcommand: String, _ arguments: [String]) throws {
        let path = siblingPath()
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

    /// `skillspool-ledger` in the folder of the running executable.
    private static func siblingPath() -> String {
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
