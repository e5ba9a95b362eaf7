import ArgumentParser
import ConvertCLI
import FileSystem
import Ledger
import Spool
import SpoolConfig

/// `skillspool review approve|reject JOB`: records a reviewer's decision the way a person dropping a file would.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Approve or reject a job held in review/ (the daemon publishes or fails it within a second).",
        subcommands: [Approve.self, Reject.self, List.self]
    )

    struct Target: ParsableArguments {
        @Option(help: "Daemon configuration (default: etc/skillspool.json if present).")
        var config: String?

        @Option(help: "The job's tenant (default: whichever tenant holds the job in review/).")
        var tenant: String?

        /// The review folders of the configured tenants (or of the one named).
        func reviewFolders() throws -> [(tenant: String, folder: Directory)] {
            let configuration = try SpoolConfiguration.load(path: config)
            let spool = try Directory.open(path: configuration.spoolPath)
            let names =
                try tenant.map { [$0] } ?? TenantConfiguration.loadAll(folder: configuration.tenantsPath).map(\.name)
            return try names.compactMap { name in
                guard spool.contains(name) else { return nil }
                return (name, try spool.folder(name).folder("review"))
            }
        }

        func decide(_ job: String, file: String, text: String) throws {
            for (tenant, review) in try reviewFolders() where review.contains(job) {
                let folder = try review.folder(job)
                try folder.writeDurably(file, Array(text.utf8))
                StandardStreams.writeOut("\(tenant)/\(job): \(file) recorded\n")
                return
            }
            throw SpoolError(.notFound, "no job '\(job)' is held in review")
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Publish a held job to the outbox.")
        @OptionGroup var target: Target
        @Argument(help: "The job id.") var job: String

        func run() throws { try CommandErrors.run { try target.decide(job, file: "APPROVE", text: "approved\n") } }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fail a held job; its inputs go to failed/ and its credits are charged (the work was done)."
        )
        @OptionGroup var target: Target
        @Argument(help: "The job id.") var job: String
        @Option(help: "Why (written to the job's error.json).") var reason = "rejected by a reviewer"
        @Flag(help: "Refund the job's credits instead (an operator's decision, recorded in the ledger).")
        var refund = false

        func run() throws {
            try CommandErrors.run {
                if refund {
                    let configuration = try SpoolConfiguration.load(path: target.config)
                    try Ledger(setting: configuration.ledger).requestReviewRefund(job: job)
                }
                try target.decide(job, file: "REJECT", text: reason + "\n")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the jobs waiting for a decision.")
        @OptionGroup var target: Target

        func run() throws {
            try CommandErrors.run {
                var table = TextTable(header: ["tenant", "job"])
                for (tenant, review) in try target.reviewFolders() {
                    for job in try review.names() where !job.hasPrefix(".") { table.rows.append([tenant, job]) }
                }
                StandardStreams.writeOut(table.render())
            }
        }
    }
}
