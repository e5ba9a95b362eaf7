import FileSystem
import Ledger
import Logging

extension JobRunner {
    /// Ends a job as failed: the failure is recorded in the ticket first, then the untouched inputs move to
    /// `failed/<job>/` with `error.json`, the ledger refunds (or charges `charge`, for a rejected review whose work was
    /// done), the status says why, and the claim goes.
    func fail(
        _ ticket: JobTicket,
        _ failure: JobFailure,
        tenant: TenantSpool,
        logger: Logger,
        charge: Int? = nil
    ) throws -> Outcome {
        let work = try tenant.work.folder(ticket.id)
        var ticket = ticket
        if ticket.failure == nil {
            ticket.failure = failure
            try work.writeDurably(JobTicket.fileName, ticket.bytes)
        }
        let failure = ticket.failure ?? failure
        let failed = try tenant.failed.folder(ticket.id, create: true)
        if work.contains("input") {
            let input = try work.folder("input")
            for name in try input.names() { try input.move(name, to: failed) }
        }
        try failed.writeDurably("error.json", JobReport.errorBytes(failure, job: ticket.id))
        try tenant.failed.sync()

        var report = JobReport(id: ticket.id, tenant: tenant.name, createdAt: ticket.createdAt)
        // A claim whose ledger row a crash kept from being written gets it now (no-op when it exists).
        try ledger.createJob(
            JobRecord(id: ticket.id, tenant: tenant.name, createdAt: ticket.createdAt),
            events: tenant.configuration.webhookEvents(report, at: ticket.createdAt),
            case: ticket.caseLink
        )
        report.stage = nil
        try ledger.closeFailed(&report, failure, stage: .failed, charge: charge, tenant: tenant)

        try tenant.review.remove(ticket.id)
        try tenant.outbox.remove(ticket.id)
        let status = try tenant.outbox.folder(ticket.id, create: true)
        try status.writeDurably(JobReport.fileName, report.bytes)
        try tenant.work.remove(ticket.id)
        try tenant.work.sync()
        logger.warning("failed", metadata: ["code": "\(failure.code)", "message": "\(failure.message)"])
        return .failed
    }
}
