import FileSystem
import Ledger
import Logging

/// What a start finds left over from a crash, and how it is put right before intake resumes.
struct JobRecovery: Sendable {
    let ledger: Ledger
    let logger: Logger

    /// Undoes half-made claims, removes orphan temporary files, refunds reservations of jobs whose inputs are
    /// gone, and returns the jobs in `.work` to run again (their runner resumes or restarts them).
    func recover(_ tenant: TenantSpool) throws -> [String] {
        var jobs: [String] = []
        for name in try tenant.work.names() {
            if name.hasSuffix(".claim") {
                try undoClaim(name, tenant: tenant)
            } else if let folder = try? tenant.work.folder(name), folder.contains(JobTicket.fileName) {
                jobs.append(name)
            } else {
                try tenant.work.remove(name)
            }
        }
        var removed = 0
        for area in [tenant.outbox, tenant.review, tenant.failed] {
            for job in try area.names() {
                guard let folder = try? area.folder(job) else { continue }
                for file in try folder.names() where file.hasPrefix(".") && file.hasSuffix(".tmp") {
                    try folder.remove(file)
                    removed += 1
                }
            }
        }
        let running = Set(jobs)
        for id in try ledger.openJobs(tenant: tenant.name) where !running.contains(id) {
            // The ledger thinks it open, but nothing is left to run it from: close it without charging.
            let failure = JobFailure(
                code: SpoolError.Code.io.rawValue,
                message: "the job's inputs were gone after a restart",
                isRetryable: false
            )
            var report =
                try ledger.jobDetail(id).map(JobReport.init(detail:))
                ?? JobReport(id: id, tenant: tenant.name, createdAt: Timestamp.now())
            report.stage = nil
            try ledger.closeFailed(&report, failure, stage: .recovery, tenant: tenant)
            logger.warning(
                "refunded a job with no inputs left",
                metadata: ["tenant": "\(tenant.name)", "job": "\(id)"]
            )
        }
        if !jobs.isEmpty || removed > 0 {
            logger.notice(
                "recovered",
                metadata: ["tenant": "\(tenant.name)", "jobs": "\(jobs.count)", "temporaryFiles": "\(removed)"]
            )
        }
        return jobs
    }

    /// The periodic look at `.work` while the daemon runs: a claim left half-made is undone, and a job that has a
    /// ticket but is neither queued, running nor held for review (its run was lost, say to a failed write) is
    /// returned to run again. Nothing a running job uses is touched.
    func sweep(_ tenant: TenantSpool, isScheduled: (String) -> Bool) throws -> [String] {
        var jobs: [String] = []
        for name in try tenant.work.names() where !name.hasPrefix(".") {
            if name.hasSuffix(".claim") {
                // Claims are made by the intake task, which is the caller: none is in progress now.
                try undoClaim(name, tenant: tenant)
            } else if !isScheduled(name), let folder = try? tenant.work.folder(name),
                folder.contains(JobTicket.fileName),
                try ledger.jobStatus(name) != .review
            {
                jobs.append(name)
            }
        }
        return jobs
    }

    /// A claim interrupted before its folder was renamed: its files go back to the inbox as if never taken.
    private func undoClaim(_ name: String, tenant: TenantSpool) throws {
        let folder = try tenant.work.folder(name)
        // Files taken from a case folder go back to it (its name is checked again: the ticket is in a tenant's folder).
        let origin = (try? JobTicket(bytes: folder.read(JobTicket.fileName)))?.origin
        let inbox =
            try origin.flatMap { origin -> Directory? in
                guard (try? Directory.checkName(origin)) != nil, !origin.hasPrefix("."), CaseSlug.make(origin) != nil
                else {
                    return nil
                }
                return try tenant.inbox.folder(origin, create: true)
            } ?? tenant.inbox
        if folder.contains("input") {
            let input = try folder.folder("input")
            for file in try input.names() where !inbox.contains(file) { try input.move(file, to: inbox) }
        }
        try tenant.work.remove(name)
        try inbox.sync()
        try tenant.inbox.sync()
        logger.notice("undid an interrupted claim", metadata: ["tenant": "\(tenant.name)", "claim": "\(name)"])
    }
}
