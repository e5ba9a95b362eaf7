import ArgumentParser
import ConvertCLI
import FileSystem
import JSON
import Layout
import Ledger
import PDFText
import Skills
import Spool
import SpoolConfig

#if canImport(Glibc)
    import Glibc
#endif

/// `skillspool cases list|show|archive|reopen|build`: a tenant's cases — documents that arrive over time and build
/// one evolving case skill.
struct CasesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases",
        abstract: "List, show, archive and reopen cases; build a case skill from files.",
        subcommands: [List.self, Show.self, Archive.self, Reopen.self, Build.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List cases: documents, case skill version, state.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this tenant's cases.") var tenant: String?
        @Flag(help: "Print JSON instead of a table.") var json = false

        func run() throws {
            try CommandErrors.run {
                let cases = try global.openLedger().cases(tenant: tenant)
                if json {
                    StandardStreams.writeOut(
                        JSONWriter.serialize(.array(cases.map(CasesCommand.json)), pretty: true) + "\n"
                    )
                    return
                }
                var table = TextTable(
                    header: ["TENANT", "CASE", "NAME", "CLAIM", "DOCUMENTS", "VERSION", "STATE", "CREATED"],
                    numericColumns: [4]
                )
                table.rows = cases.map {
                    [
                        $0.tenant, $0.slug, $0.name, $0.claimNumber ?? "-", "\($0.documents)", $0.version ?? "-",
                        $0.isArchived ? "archived" : "open", $0.createdAt,
                    ]
                }
                StandardStreams.writeOut(table.render())
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One case: its jobs and its history.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The case's tenant (default: the one tenant that has the case).") var tenant: String?
        @Argument(help: "The case (its folder name below inbox/ and outbox/cases/).") var slug: String
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            try CommandErrors.run {
                let ledger = try global.openLedger()
                let record = try CasesCommand.find(slug, tenant: tenant, ledger: ledger)
                let jobs = try ledger.caseJobs(tenant: record.tenant, slug: record.slug)
                let events = try ledger.caseEvents(tenant: record.tenant, slug: record.slug)
                if json {
                    var value = CasesCommand.json(record)
                    if case .object(var members) = value {
                        members.append(("jobs", .array(jobs.map(CasesCommand.json))))
                        members.append(("events", .array(events.map(CasesCommand.json))))
                        value = .object(members)
                    }
                    StandardStreams.writeOut(JSONWriter.serialize(value, pretty: true) + "\n")
                    return
                }
                var text = "\(record.tenant)/\(record.slug): \(record.name)"
                text += record.claimNumber.map { ", claim \($0)" } ?? ""
                text += " — \(record.documents) document\(record.documents == 1 ? "" : "s"), "
                text += "case skill \(record.version ?? "not yet published"), "
                text += record.isArchived ? "archived \(record.archivedAt ?? "")\n\n" : "open\n\n"
                var table = TextTable(header: ["JOB", "STATUS", "ADDED", "IN VERSION"])
                table.rows = jobs.map {
                    [$0.job, $0.status.rawValue, $0.addedAt, $0.version ?? ($0.foldedAt == nil ? "pending" : "-")]
                }
                text += table.render() + "\n"
                var history = TextTable(header: ["AT", "EVENT", "JOB", "VERSION"])
                history.rows = events.map { [$0.at, $0.event.rawValue, $0.job ?? "-", $0.version ?? "-"] }
                StandardStreams.writeOut(text + history.render())
            }
        }
    }

    struct Archive: CaseDecisionCommand {
        static let file = "ARCHIVE"
        static let configuration = decision(
            "Archive a case: its skill stops updating and moves to outbox/cases/.archived/."
        )
        @OptionGroup var target: CaseTarget
    }

    struct Reopen: CaseDecisionCommand {
        static let file = "REOPEN"
        static let configuration = decision(
            "Reopen an archived case: documents that came meanwhile are folded into its skill."
        )
        @OptionGroup var target: CaseTarget
    }

    /// The case `slug` of `tenant`, or of the only tenant that has one.
    static func find(_ slug: String, tenant: String?, ledger: Ledger) throws -> CaseRecord {
        let matches = try ledger.cases(tenant: tenant).filter { $0.slug == slug }
        guard let record = matches.first else {
            throw LedgerError(.unknownCase, "no case '\(slug)'\(tenant.map { " for tenant '\($0)'" } ?? "")")
        }
        guard matches.count == 1 else {
            throw ValidationError("several tenants have a case '\(slug)': name one with --tenant")
        }
        return record
    }

    /// Drops the decision file into `inbox/<case>/`.
    static func decide(_ target: CaseTarget, file: String) throws {
        let record = try find(target.slug, tenant: target.tenant, ledger: target.global.openLedger())
        let spool = try Directory.open(path: target.global.configuration().spoolPath)
        let folder = try spool.folder(record.tenant).folder("inbox").folder(record.slug, create: true)
        try folder.writeDurably(file, Array("\(file.lowercased()) requested from the command line\n".utf8))
        StandardStreams.writeOut("\(record.tenant)/\(record.slug): \(file) recorded in inbox/\(record.slug)/\n")
    }

    static func json(_ record: CaseRecord) -> JSONValue {
        .object([
            ("tenant", .string(record.tenant)), ("slug", .string(record.slug)), ("name", .string(record.name)),
            ("claimNumber", record.claimNumber.map { .string($0) } ?? .null), ("documents", .int(record.documents)),
            ("version", record.version.map { .string($0) } ?? .null), ("archived", .bool(record.isArchived)),
            ("archivedAt", record.archivedAt.map { .string($0) } ?? .null), ("createdAt", .string(record.createdAt)),
        ])
    }

    static func json(_ job: CaseJobRecord) -> JSONValue {
        .object([
            ("job", .string(job.job)), ("status", .string(job.status.rawValue)), ("addedAt", .string(job.addedAt)),
            ("foldedAt", job.foldedAt.map { .string($0) } ?? .null),
            ("version", job.version.map { .string($0) } ?? .null),
        ])
    }

    static func json(_ event: CaseEventRecord) -> JSONValue {
        .object([
            ("event", .string(event.event.rawValue)), ("job", event.job.map { .string($0) } ?? .null),
            ("version", event.version.map { .string($0) } ?? .null),
            ("detail", event.detail.map { .string($0) } ?? .null), ("at", .string(event.at)),
        ])
    }
}
