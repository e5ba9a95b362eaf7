import FileSystem
import Ledger

extension Ledger {
    /// Closes a job as failed at `stage`: `report` is stamped with the failure (its own `stage` is the caller's),
    /// the reservation is refunded or, with `charge`, settled for that much, and the tenant's webhook deliveries of
    /// the failure are recorded in the same transaction.
    func closeFailed(
        _ report: inout JobReport,
        _ failure: JobFailure,
        stage: JobStage,
        charge: Int? = nil,
        tenant: TenantSpool,
        at time: String = Timestamp.now()
    ) throws {
        report.status = .failed
        report.completedAt = time
        report.error = failure
        report.creditsCharged = charge ?? 0
        try finishJob(
            report.id,
            status: .failed,
            stage: stage,
            errorCode: failure.code,
            settle: charge,
            events: tenant.configuration.webhookEvents(report, at: time),
            at: time
        )
    }
}
