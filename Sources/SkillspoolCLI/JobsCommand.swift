import ArgumentParser
import ConvertCLI
import JSON
import Ledger
import Spool

/// `skillspool jobs list|show`: the jobs recorded in the ledger.
struct JobsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "List jobs and show one job's details from the ledger.",
        subcommands: [List.self, Show.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List jobs, newest first.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this tenant's jobs.") var tenant: String?
        @Option(help: "Only jobs with this status (created, processing, complete, failed, review).") var status: String?
        @Option(help: "Only jobs created at or after this UTC time or date (e.g. 2026-11-01).") var since: String?
        @Option(help: "Page number, from 1.") var page = 1
        @Option(help: "Jobs per page.") var pageSize = 50
        @Flag(help: "Print JSON instead of a table.") var json = false

        func run() throws {
            try CommandErrors.run {
                var filter = JobFilter(tenant: tenant, since: since)
                if let status {
                    guard let parsed = JobStatus(rawValue: status) else {
                        throw ValidationError("unknown status '\(status)'")
                    }
                    filter.status = parsed
                }
                let result = try global.openLedger().jobs(filter, page: page, pageSize: pageSize)
                if json {
                    let value = JSONValue.object([
                        ("page", .int(result.page)), ("pageSize", .int(result.pageSize)), ("total", .int(result.total)),
                        ("jobs", .array(result.jobs.map(JobJSON.summary))),
                    ])
                    StandardStreams.writeOut(JSONWriter.serialize(value) + "\n")
                    return
                }
                var table = TextTable(header: ["JOB", "TENANT", "STATUS", "STAGE", "CREATED", "REFERENCE"])
                table.rows = result.jobs.map {
                    [
                        $0.id, $0.tenant, $0.status.rawValue, $0.currentStage?.rawValue ?? "-", $0.createdAt,
                        $0.reference ?? "-",
                    ]
                }
                StandardStreams.writeOut(table.render())
                if TextTable.isTerminal {
                    let pages = max(1, (result.total + result.pageSize - 1) / result.pageSize)
                    StandardStreams.writeOut("page \(result.page) of \(pages), \(result.total) jobs\n")
                }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one job in the outbox status.json shape.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The job id.") var job: String

        func run() throws {
            try CommandErrors.run {
                guard let detail = try global.openLedger().jobDetail(job) else {
                    throw LedgerError(.unknownJob, "no job '\(job)'")
                }
                StandardStreams.writeOut(JSONWriter.serialize(JobJSON.detail(detail), pretty: true) + "\n")
            }
        }
    }
}

/// Jobs as JSON, in AI Skill Mill's "Get Job Detail" shape.
enum JobJSON {
    static func summary(_ job: JobRecord) -> JSONValue {
        .object([
            ("id", .string(job.id)), ("tenant", .string(job.tenant)), ("status", .string(job.status.rawValue)),
            ("currentStage", job.currentStage.map { .string($0.rawValue) } ?? .null),
            ("reference", job.reference.map(JSONValue.string) ?? .null), ("createdAt", .string(job.createdAt)),
        ])
    }

    static func detail(_ detail: JobDetail) -> JSONValue {
        let job = detail.job
        return .object([
            ("id", .string(job.id)),
            ("tenant", .string(job.tenant)),
            ("reference", job.reference.map(JSONValue.string) ?? .null),
            ("status", .string(job.status.rawValue)),
            ("currentStage", job.currentStage.map { .string($0.rawValue) } ?? .null),
            (
                "documents",
                .array(
                    detail.documents.enumerated().map { index, document in
                        .object([
                            ("id", .int(index + 1)), ("filename", .string(document.fileName)),
                            ("pageCount", .int(document.pages)),
                            ("sizeTier", document.sizeTier.map(JSONValue.string) ?? .null),
                            ("status", .string(document.status)),
                            ("documentType", document.documentType.map(JSONValue.string) ?? .null),
                            ("category", document.category.map(JSONValue.string) ?? .null),
                            ("bytes", .int(document.bytes)), ("sha256", .string(document.sha256)),
                        ])
                    }
                )
            ),
            ("outputs", .array(detail.outputs.map(\.json))),
            ("qaScores", .array(detail.qaScores.map(\.json))),
            (
                "credits",
                .object([("reserved", .int(detail.creditsReserved)), ("charged", .int(detail.creditsCharged))])
            ),
            (
                "timestamps",
                .object([
                    ("created", .string(job.createdAt)), ("started", job.startedAt.map(JSONValue.string) ?? .null),
                    ("completed", job.completedAt.map(JSONValue.string) ?? .null),
                ])
            ),
            (
                "events",
                .array(
                    detail.events.map {
                        .object([
                            ("status", .string($0.status.rawValue)),
                            ("stage", $0.stage.map { .string($0.rawValue) } ?? .null),
                            ("at", .string($0.at)),
                        ])
                    }
                )
            ),
            ("error", job.errorCode.map { .object([("code", .string($0))]) } ?? .null),
        ])
    }
}
