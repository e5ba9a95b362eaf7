import ArgumentParser
import ConvertCLI
import FileSystem
import JSON
import Ledger

/// `skillspool ledger …`: billing exports, summaries, backups and invariant checks.
struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Export, summarise, back up and verify the credit ledger.",
        subcommands: [Export.self, Summary.self, Backup.self, Verify.self, TopUp.self, Migrate.self]
    )

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export credit entries as CSV or JSON lines; incremental with a cursor file."
        )

        @OptionGroup var global: GlobalOptions
        @Option(help: "csv (RFC 4180 with a header row) or jsonl.") var format: String = "csv"
        @Option(help: "Only this tenant's entries.") var tenant: String?
        @Option(help: "File holding the last exported entry id; advanced only after the export is durable.")
        var cursorFile: String?
        @Option(help: "Output file, written via a temporary file, fsync and rename (default: stdout).") var out: String?

        func run() throws {
            try CommandErrors.run {
                guard let exportFormat = LedgerExporter.Format(rawValue: format) else {
                    throw ValidationError("format must be csv or jsonl")
                }
                let result = try LedgerExporter(ledger: global.openLedger()).export(
                    format: exportFormat,
                    tenant: tenant,
                    cursorFile: cursorFile,
                    output: out,
                    stream: StandardStreams.writeOut(bytes:)
                )
                if out != nil {
                    StandardStreams.writeError("exported \(result.rows) entries, cursor \(result.cursor)\n")
                }
            }
        }
    }

    struct Summary: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Per tenant: reserved, settled, refunded, balance.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The month, YYYY-MM (default: the current month, UTC).") var month: String?
        @Option(help: "Only this tenant.") var tenant: String?
        @Flag(help: "Print JSON instead of a table.") var json = false

        func run() throws {
            try CommandErrors.run {
                let selected = month ?? Timestamp.month(of: Timestamp.now())
                let summaries = try global.openLedger().summary(
                    month: selected,
                    tenant: tenant,
                    allowances: global.allowances()
                )
                if json {
                    let value = JSONValue.array(
                        summaries.map { line in
                            .object([
                                ("tenant", .string(line.tenant)), ("month", .string(line.month)),
                                ("reserved", .int(line.reserved)), ("settled", .int(line.settled)),
                                ("refunded", .int(line.refunded)), ("topups", .int(line.topups)),
                                ("allowance", .int(line.balance.allowance)), ("held", .int(line.balance.held)),
                                ("subscriptionRemaining", .int(line.balance.subscriptionRemaining)),
                                ("purchasedRemaining", .int(line.balance.purchasedRemaining)),
                                ("balance", .int(line.balance.available)),
                            ])
                        }
                    )
                    StandardStreams.writeOut(JSONWriter.serialize(value) + "\n")
                    return
                }
                var table = TextTable(
                    header: ["TENANT", "MONTH", "RESERVED", "SETTLED", "REFUNDED", "TOPUPS", "HELD", "BALANCE"],
                    numericColumns: [2, 3, 4, 5, 6, 7]
                )
                table.rows = summaries.map {
                    [
                        $0.tenant, $0.month, "\($0.reserved)", "\($0.settled)", "\($0.refunded)", "\($0.topups)",
                        "\($0.balance.held)", "\($0.balance.available)",
                    ]
                }
                StandardStreams.writeOut(table.render())
            }
        }
    }

    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Back up a SQLite ledger with VACUUM INTO, check the copy's integrity, then rename it into place.",
            discussion: "A PostgreSQL ledger is backed up with pg_dump (docs/scale-out.md)."
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "Where the backup goes.") var path: String

        func run() throws {
            try CommandErrors.run {
                try global.openLedger().backup(to: path)
                StandardStreams.writeError("backup written to \(path) (integrity_check ok)\n")
            }
        }
    }

    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Copy this ledger into an empty one (a SQLite ledger into PostgreSQL) and compare counts and sums.",
            discussion: """
                Stop the daemons first. Ids are kept, so export cursors stay valid. Afterwards point the "ledger" \
                setting at the target.
                """
        )

        @OptionGroup var global: GlobalOptions
        @Option(help: "The target ledger: a postgresql:// URL (or a SQLite path).") var to: String
        @Flag(help: "Print JSON instead of a table.") var json = false

        func run() throws {
            try CommandErrors.run {
                let source = try global.openLedger()
                let target = try Ledger(setting: to)
                let migration = try source.migrate(to: target)
                if json {
                    let value = JSONValue.object([
                        ("source", .string(source.location.description)),
                        ("target", .string(target.location.description)),
                        ("tables", .object(migration.rows.map { ($0.table, .int($0.count)) })),
                        (
                            "credits",
                            .object(CreditKind.allCases.map { ($0.rawValue, .int(migration.credits[$0] ?? 0)) })
                        ),
                        ("seconds", .number(migration.seconds)),
                    ])
                    StandardStreams.writeOut(JSONWriter.serialize(value) + "\n")
                    return
                }
                var table = TextTable(header: ["TABLE", "ROWS"])
                table.rows = migration.rows.map { [$0.table, "\($0.count)"] }
                table.rows += CreditKind.allCases.map { ["credits \($0.rawValue)", "\(migration.credits[$0] ?? 0)"] }
                StandardStreams.writeOut(table.render())
                StandardStreams.writeError(
                    "copied \(source.location) into \(target.location) in "
                        + "\(Double(Int(migration.seconds * 10)) / 10) s; counts and sums equal\n"
                )
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the money invariants; exit 1 and list the offending rows when one is broken."
        )

        @OptionGroup var global: GlobalOptions

        func run() throws {
            var violations: [LedgerViolation] = []
            try CommandErrors.run { violations = try global.openLedger().verify(allowances: global.allowances()) }
            guard !violations.isEmpty else {
                StandardStreams.writeOut("ledger ok\n")
                return
            }
            for violation in violations { StandardStreams.writeOut(violation.description + "\n") }
            throw ExitCode(1)
        }
    }

    struct TopUp: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "topup",
            abstract: "Add purchased credits to a tenant (replaying the same reference is a no-op)."
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The tenant.") var tenant: String
        @Argument(help: "Credits to add.") var credits: Int
        @Option(help: "The purchase reference (order number); makes the top-up idempotent.") var reference: String

        func run() throws {
            try CommandErrors.run {
                let entry = try global.openLedger().topUp(tenant: tenant, credits: credits, reference: reference)
                StandardStreams.writeOut("entry \(entry.id): \(entry.credits) credits for \(entry.tenant)\n")
            }
        }
    }
}
