import ArgumentParser
import CodedErrors
import ConvertCLI
import Logging
import ServiceLifecycle
import Spool
import SpoolConfig

/// `skillspool serve`: the daemon in the foreground (systemd runs it so; see etc/skillspool.service).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Watch every tenant's inbox and process jobs until SIGTERM or SIGINT."
    )

    enum LogFormat: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Option(help: "Daemon configuration (default: etc/skillspool.json if present, else built-in defaults).")
    var config: String?

    @Option(help: "This daemon's name among several sharing a spool and a PostgreSQL ledger (default: the host name).")
    var node: String?

    @Option(help: "Log lines as text or as JSON objects (one per line).")
    var logFormat: LogFormat = .text

    @Option(help: "Lowest level logged: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    func run() async throws {
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw ValidationError("unknown log level '\(logLevel)'")
        }
        let format = logFormat
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler =
                format == .json ? JSONLogHandler(label: label) : StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: "skillspool.spool")
        logger.logLevel = level
        var configuration: SpoolConfiguration
        do { configuration = try SpoolConfiguration.load(path: config) } catch let error as CodedFailure {
            StandardStreams.reportError(code: error.codeText, message: error.message, retryable: error.isRetryable)
            throw ExitCode(2)
        }
        if let node {
            guard SpoolConfiguration.isValidNodeName(node) else {
                throw ValidationError("--node must be 1–64 letters, digits, '.', '_' or '-'")
            }
            configuration.node = node
        }
        let daemon = SpoolDaemon(configuration: configuration, logger: logger)
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: daemon, successTerminationBehavior: .gracefullyShutdownGroup)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        do { try await group.run() } catch let error as CodedFailure {
            StandardStreams.reportError(code: error.codeText, message: error.message, retryable: error.isRetryable)
            throw ExitCode(2)
        }
    }
}
