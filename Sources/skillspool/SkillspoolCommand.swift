import ArgumentParser
import Logging
import PDFText

@main
struct SkillspoolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skillspool",
        abstract: "Turns PDFs into structured documents and skills for AI agents.",
        version: PDFEngine.version,
        subcommands: [
            ConvertCommand.self, EngineCommand.self, ServePassthrough.self, TenantsPassthrough.self,
            DoctorPassthrough.self, ReviewPassthrough.self, SkillsPassthrough.self, TopicsPassthrough.self,
            QAPassthrough.self, SkillsIndexPassthrough.self, JobsPassthrough.self, LedgerPassthrough.self,
        ]
    )

    /// Bootstraps logging (stderr) once, here in the executable, then parses and runs the command.
    static func main() {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        if let request = ConvertRequest(commonArguments: Array(CommandLine.arguments.dropFirst())) {
            do {
                try request.run()
            } catch {
                ConvertCommand.exit(withError: error)
            }
            return
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}
