import ArgumentParser
import PDFText

/// The spool side of the `skillspool` command line, built as its own executable (`skillspool-daemon`):
/// `skillspool serve`, `tenants`, `doctor` and `review` hand over to it.
@main
struct DaemonToolCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skillspool",
        abstract: "Run and operate the Skillspool spool daemon.",
        version: PDFEngine.version,
        subcommands: [
            ServeCommand.self, TenantsCommand.self, DoctorCommand.self, ReviewCommand.self, PackageCommand.self,
            TopicsCommand.self, QACommand.self, SkillsCommand.self,
        ]
    )
}
