import FileSystem
import Ledger
import Logging
import Skills

/// Jobs held in `review/<job>/` until a person drops `APPROVE` or `REJECT` (with a reason) into the folder.
struct ReviewDesk: Sendable {
    let ledger: Ledger
    let runner: JobRunner
    let logger: Logger

    /// The decision files a reviewer drops.
    static let approveFile = "APPROVE"
    static let rejectFile = "REJECT"

    /// Acts on every decided job of `tenant`; returns how many were decided.
    @discardableResult
    func decide(_ tenant: TenantSpool) throws -> Int {
        var decided = 0
        for id in try tenant.review.names() {
            guard let folder = try? tenant.review.folder(id), folder.contains(JobReport.fileName) else { continue }
            if folder.contains(Self.approveFile) {
                try approve(id, folder: folder, tenant: tenant)
                decided += 1
            } else if folder.contains(Self.rejectFile) {
                let reason = (try? folder.read(Self.rejectFile, limit: 4_096)).map {
                    String(decoding: $0, as: UTF8.self).trimmingWhitespace()
                }
                let failure = JobFailure(
                    code: SpoolError.Code.rejected.rawValue,
                    message: reason.flatMap { $0.isEmpty ? nil : $0 } ?? "rejected by a reviewer",
                    isRetryable: false
                )
                let work = try tenant.work.folder(id)
                let ticket = try JobTicket(bytes: work.read(JobTicket.fileName))
                _ = try runner.fail(ticket, failure, tenant: tenant, logger: logger.with(tenant: tenant.name, job: id))
                decided += 1
            }
        }
        return decided
    }

    /// Moves the held outputs into `outbox/<job>/`, charges the reservation and completes the job.
    private func approve(_ id: String, folder: Directory, tenant: TenantSpool) throws {
        let outbox = try tenant.outbox.folder(id, create: true)
        for name in try folder.names() where name != JobReport.fileName && name != Self.approveFile {
            try folder.move(name, to: outbox)
        }
        try outbox.sync()
        guard let detail = try ledger.jobDetail(id) else { throw SpoolError(.notFound, "the ledger has no job \(id)") }
        let now = Timestamp.now()
        var report = JobReport(detail: detail)
        report.status = .complete
        report.stage = nil
        report.creditsCharged = detail.creditsReserved
        report.completedAt = now
        try outbox.writeDurably(JobReport.fileName, report.bytes)
        try ledger.finishJob(id, status: .complete, stage: .publish, settle: detail.creditsReserved, at: now)
        try tenant.review.remove(id)
        try tenant.work.remove(id)
        try tenant.work.sync()
        logger.info("approved", metadata: ["tenant": "\(tenant.name)", "job": "\(id)"])
    }
}
