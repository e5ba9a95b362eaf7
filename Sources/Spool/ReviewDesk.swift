import Digest
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
    ///
    /// Only a job the ledger holds in review is decided: a folder planted in `review/` (a decision for no job, a
    /// job that is not held) is left alone, and one job's failure does not stop the others.
    @discardableResult
    func decide(_ tenant: TenantSpool) throws -> Int {
        var decided = 0
        for id in try tenant.review.names() {
            guard let folder = try? tenant.review.folder(id), folder.contains(JobReport.fileName),
                folder.contains(Self.approveFile) || folder.contains(Self.rejectFile)
            else { continue }
            guard try ledger.jobStatus(id) == .review, tenant.work.contains(id) else {
                logger.warning(
                    "a decision for a job that is not held for review is ignored",
                    metadata: ["tenant": "\(tenant.name)", "folder": "review/\(id)"]
                )
                continue
            }
            do {
                if folder.contains(Self.approveFile) {
                    try approve(id, folder: folder, tenant: tenant)
                } else {
                    try reject(id, folder: folder, tenant: tenant)
                }
                decided += 1
            } catch {
                logger.error(
                    "review decision failed",
                    metadata: ["tenant": "\(tenant.name)", "job": "\(id)", "error": "\(error)"]
                )
            }
        }
        return decided
    }

    /// Fails the job with the reviewer's reason (`ERR::REVIEW::REJECTED`), inputs to `failed/<job>/`. The
    /// reservation is charged — the work was done and its outputs could be read — unless an operator asked for a
    /// refund (`skillspool review reject --refund`).
    private func reject(_ id: String, folder: Directory, tenant: TenantSpool) throws {
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
        let charge = try ledger.hasReviewRefund(job: id) ? nil : ledger.jobDetail(id)?.creditsReserved
        _ = try runner.fail(
            ticket,
            failure,
            tenant: tenant,
            logger: logger.with(tenant: tenant.name, job: id),
            charge: charge
        )
    }

    /// Publishes the held outputs the ledger recorded — each one byte for byte as recorded, nothing else from the
    /// folder — charges the reservation and completes the job.
    private func approve(_ id: String, folder: Directory, tenant: TenantSpool) throws {
        guard let detail = try ledger.jobDetail(id) else { throw SpoolError(.notFound, "the ledger has no job \(id)") }
        var held: [(path: String, bytes: [UInt8])] = []
        for output in detail.outputs {
            let path = String(output.path.dropFirst(id.count + 1))
            let bytes = try JobRunner.read(path, in: folder)
            guard SHA256.hex(of: bytes) == output.sha256 else {
                throw SpoolError(.io, "review/\(id)/\(path) is not the output the job made; reject the job instead")
            }
            held.append((path, bytes))
        }
        let outbox = try tenant.outbox.folder(id, create: true)
        for output in held { try outbox.writeDurably(path: output.path, output.bytes) }
        try outbox.sync()
        let now = Timestamp.now()
        var report = JobReport(detail: detail)
        report.status = .complete
        report.stage = nil
        report.creditsCharged = detail.creditsReserved
        report.completedAt = now
        try outbox.writeDurably(JobReport.fileName, report.bytes)
        try ledger.finishJob(
            id,
            status: .complete,
            stage: .publish,
            settle: detail.creditsReserved,
            events: tenant.configuration.webhookEvents(report, at: now),
            at: now
        )
        try tenant.review.remove(id)
        try tenant.work.remove(id)
        try tenant.work.sync()
        logger.info("approved", metadata: ["tenant": "\(tenant.name)", "job": "\(id)"])
    }
}
