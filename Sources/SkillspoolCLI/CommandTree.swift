import ArgumentParser
import ConvertCLI

/// Every command of the product, grouped as `skillspool --help` lists them; the root command is the executable's.
public enum CommandTree {
    public static let groups = [
        CommandGroup(name: "Documents", subcommands: [ConvertCommand<AnySourceReader>.self, EngineCommand.self]),
        CommandGroup(
            name: "Skills",
            subcommands: [PackageCommand.self, TopicsCommand.self, QACommand.self, SkillsCommand.self]
        ),
        CommandGroup(
            name: "Spool",
            subcommands: [
                ServeCommand.self, TenantsCommand.self, CasesCommand.self, ReviewCommand.self, DoctorCommand.self,
                WorkerCommand.self,
            ]
        ),
        CommandGroup(name: "Ledger", subcommands: [JobsCommand.self, LedgerCommand.self, WebhooksCommand.self]),
    ]
}
