import ArgumentParser
import PDFText

@main
struct SkillspoolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skillspool",
        abstract: "Turns PDFs into structured documents and skills for AI agents.",
        version: PDFEngine.version,
        subcommands: [ConvertCommand.self, EngineCommand.self, JobsPassthrough.self, LedgerPassthrough.self]
    )
}
