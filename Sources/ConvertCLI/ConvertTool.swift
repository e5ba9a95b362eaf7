import ArgumentParser
import PDFText

/// The commands `skillspool` runs in its own, small process: `convert` and `engine`.
///
/// Batch scripts start `skillspool convert` once per PDF, so its start-up is paid per file. Every other command
/// runs in the complete command tree (`SkillspoolCommand`, built as `skillspool-core`), whose database, archive
/// and service stack triples the dynamic loader's work; `skillspool` replaces itself with it (see the README).
public struct ConvertTool: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "skillspool",
        abstract: "Turns PDFs into structured documents and skills for AI agents.",
        version: PDFEngine.version,
        subcommands: [ConvertCommand<PDFSourceReader>.self, EngineCommand.self]
    )

    public init() {}

    /// Whether the command named first on the command line runs in this small process.
    public static func runsInProcess(_ commandName: String) -> Bool {
        configuration.subcommands.contains { $0.configuration.commandName == commandName }
    }
}
