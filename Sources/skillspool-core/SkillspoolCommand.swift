import ArgumentParser
import PDFText
import SkillspoolCLI

/// `skillspool`: every command of the product in one tree, built as `skillspool-core`; the small `skillspool`
/// process runs `convert` and `engine` itself and hands everything else to this one.
@main
struct SkillspoolCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skillspool",
        abstract: "Turns PDFs into structured documents and skills for AI agents.",
        version: PDFEngine.version,
        groupedSubcommands: CommandTree.groups
    )
}
