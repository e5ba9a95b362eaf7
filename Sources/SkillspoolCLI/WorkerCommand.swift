import ArgumentParser
import Spool
import SpoolConfig

/// `skillspool worker`: one job's inspection and rendering, started by the daemon in a process of its own (not for
/// people; hidden from `--help`). Everything that reads a tenant's bytes runs here, under the plan's limits; the
/// daemon answers `render` or `stop` on standard input once it has read the inspection.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Inspect and render a claimed job under the tenant's limits (started by the daemon).",
        shouldDisplay: false
    )

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
        let status = JobWorker.run(job: job, tenantName: tenant, configuration: configuration)
        if status != 0 { throw ExitCode(status) }
    }
}
