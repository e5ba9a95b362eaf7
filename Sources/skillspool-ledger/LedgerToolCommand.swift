import ArgumentParser
import Ledger

/// The ledger side of the `skillspool` command line, built as its own executable (`skillspool-ledger`).
///
/// `skillspool jobs …` and `skillspool ledger …` hand over to it, so the converter that runs once per PDF does not
/// carry the database stack: linking GRDB and Foundation doubled every conversion's start-up time.
@main
struct LedgerToolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skillspool",
        abstract: "Jobs and credits recorded in the Skillspool ledger.",
        version: Ledger.schemaVersion,
        subcommands: [JobsCommand.self, LedgerCommand.self]
    )
}
