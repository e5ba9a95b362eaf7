import ArgumentParser
import Spool
import SpoolConfig

/// `skillspool worker inspect|render`: one step of one job, started by the daemon in a process of its own (not for
/// people; hidden from `--help`). Everything that reads a tenant's bytes runs here, under the plan's limits.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run one step of a claimed job under the tenant's limits (started by the daemon).",
        shouldDisplay: false
    )

    @Argument(help: "The step: inspect or render.")
    var phase: JobWorker.Phase

    @Option(help: "Daemon configuration the daemon itself was started with; none means built-in defaults.")
    var config: String?

    @Option(help: "The job's tenant.")
    var tenant: String

    @Option(help: "The job id (its folder below the tenant's .work/).")
    var job: String

    @Option(help: "Address space the process may use, in bytes.")
    var memoryBytes: Int

    @Option(help: "CPU seconds the process may use.")
    var cpuSeconds: Int

    func run() throws {
        // Bounded before any configuration or document is read.
        JobWorker.bound(memoryBytes: memoryBytes, cpuSeconds: cpuSeconds)
        let configuration: SpoolConfiguration
        do {
            configuration = try config.map { try SpoolConfiguration.load(path: $0) } ?? SpoolConfiguration()
        } catch {
            throw ExitCode(1)
        }
        let status = JobWorker.run(phase, job: job, tenantName: tenant, configuration: configuration)
        if status != 0 { throw ExitCode(status) }
    }
}

extension JobWorker.Phase: ExpressibleByArgument {}
