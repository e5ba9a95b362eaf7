import ArgumentParser
import ConvertCLI

/// The case a decision command acts on.
struct CaseTarget: ParsableArguments {
    @OptionGroup var global: GlobalOptions
    @Option(help: "The case's tenant (default: the one tenant that has the case).") var tenant: String?
    @Argument(help: "The case.") var slug: String
}

/// A command that records a person's decision on a case by writing its file (`ARCHIVE`, `REOPEN`) into
/// `inbox/<case>/`, as a tenant would; the daemon carries it out.
protocol CaseDecisionCommand: ParsableCommand {
    /// The decision file's name.
    static var file: String { get }
    var target: CaseTarget { get }
}

extension CaseDecisionCommand {
    /// The command's configuration: `abstract`, and where the decision goes.
    static func decision(_ abstract: String) -> CommandConfiguration {
        CommandConfiguration(
            abstract: abstract,
            discussion: "Writes \(file) into inbox/<case>/, as a tenant would; the daemon carries it out."
        )
    }

    func run() throws {
        try CommandErrors.run { try CasesCommand.decide(target, file: Self.file) }
    }
}
