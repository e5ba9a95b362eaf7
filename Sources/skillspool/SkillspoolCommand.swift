import ArgumentParser

@main
struct SkillspoolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skillspool",
        abstract: "Turns PDFs into structured documents and skills for AI agents.",
        subcommands: [ConvertCommand.self]
    )
}
