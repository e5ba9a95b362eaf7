import Archives
import Digest
import DocumentModel
import FileSystem
import Layout
import Ledger
import Logging
import PDFText
import Skills
import SpoolConfig

/// Runs one claimed job through its stages — inspect, extract, structure, classify, package, qa, publish — and
/// ends it: published (outbox or review), or failed with its inputs in `failed/<job>/`.
///
/// Every step can be repeated: a job interrupted anywhere is run again from its inputs in `.work/<job>/input/`,
/// and because outputs are deterministic the second run writes the same bytes and the ledger calls replay.
struct JobRunner: Sendable {
    let ledger: Ledger
    let configuration: SpoolConfiguration
    let logger: Logger
    /// Starts the worker process that reads the job's documents.
    let worker: WorkerProcess

    /// How a run ended.
    enum Outcome: String, Sendable {
        case complete
        case failed
        /// Held in `review/<job>/` for a person.
        case review
        /// Failed for a passing reason (disk full, a busy database, a worker that could not start): the job stays
        /// claimed and runs again after a backoff.
        case retry
    }

    func run(_ id: String, tenant: TenantSpool) -> Outcome {
        let jobLogger = logger.with(tenant: tenant.name, job: id)
        do {
            let work = try tenant.work.folder(id)
            var ticket = try JobTicket(bytes: work.read(JobTicket.fileName))
            let recorded = try ledger.jobStatus(id)
            switch recorded {
            case .complete?:
                // The ledger committed before a crash removed the claim: only the cleanup is left.
                try tenant.work.remove(id)
                return .complete
            case .failed? where tenant.failed.contains(id):
                try tenant.work.remove(id)
                return .failed
            case .review?:
                // Held already; the ledger says so, not a `review/<job>/` folder a tenant could have planted.
                return .review
            default:
                break
            }
            if recorded == nil {
                // A crash between the claim and its ledger row.
                try ledger.createJob(
                    JobRecord(id: id, tenant: tenant.name, currentStage: .intake, createdAt: ticket.createdAt),
                    events: tenant.configuration.webhookEvents(
                        JobReport(id: id, tenant: tenant.name, createdAt: ticket.createdAt),
                        at: ticket.createdAt
                    ),
                    case: ticket.caseLink
                )
            }
            if let failure = ticket.failure { return try fail(ticket, failure, tenant: tenant, logger: jobLogger) }
            ticket.attempts += 1
            try work.writeDurably(JobTicket.fileName, ticket.bytes)
            guard ticket.attempts <= configuration.maxAttempts else {
                let failure = JobFailure(
                    code: SpoolError.Code.crashLoop.rawValue,
                    message: "the job was started \(ticket.attempts - 1) times without finishing",
                    isRetryable: false
                )
                return try fail(ticket, failure, tenant: tenant, logger: jobLogger)
            }
            do {
                return try process(ticket, work: work, tenant: tenant, logger: jobLogger)
            } catch {
                let failure = JobFailure(error)
                // The last attempt ends with the failure's own code, not as a crash loop.
                if failure.isRetryable, ticket.attempts < configuration.maxAttempts {
                    jobLogger.warning(
                        "failed for a passing reason; runs again",
                        metadata: [
                            "code": "\(failure.code)", "message": "\(failure.message)", "attempt": "\(ticket.attempts)",
                        ]
                    )
                    return .retry
                }
                return try fail(ticket, failure, tenant: tenant, logger: jobLogger)
            }
        } catch {
            // The spool itself failed (disk full, permissions): the claim stays and the job runs again later.
            jobLogger.error("job could not be run or failed; runs again", metadata: ["error": "\(error)"])
            return .retry
        }
    }

    private func process(_ ticket: JobTicket, work: Directory, tenant: TenantSpool, logger: Logger) throws -> Outcome {
        var report = JobReport(id: ticket.id, tenant: tenant.name, createdAt: ticket.createdAt)
        report.startedAt = Timestamp.now()
        report.status = .processing
        let status = try tenant.outbox.folder(ticket.id, create: true)
        func enter(_ stage: JobStage) throws {
            report.stage = stage
            // The job's first stage is its move to `processing`, the event webhooks announce.
            let events = stage == .inspect ? tenant.configuration.webhookEvents(report) : []
            try ledger.updateJob(ticket.id, status: .processing, stage: stage, events: events)
            // A progress note: the final status is written durably, this one need not be.
            try status.writeDurably(JobReport.fileName, report.bytes, durable: false)
        }

        try enter(.inspect)
        try checkInputsUnchanged(ticket, work: work)
        let plan = tenant.configuration.plan
        var manifest: Manifest?
        var inspection: JobInspection?
        var credits = 0
        // One worker per job: it inspects, this closure reserves the credits (or stops a dry run), it renders.
        let rendered = try worker.run(
            job: ticket.id,
            tenant: tenant.name,
            work: work,
            plan: plan,
            inputs: ticket.inputs.count
        ) { inspected in
            let (resolved, _) = try Manifest.resolve(
                ticket,
                work: work,
                tenant: tenant.configuration,
                archive: inspected.archive
            )
            (manifest, inspection) = (resolved, inspected)
            report.reference = resolved.reference
            report.documents = inspected.documents.map(\.report)
            credits =
                resolved.dryRun
                ? 0
                : inspected.credits(
                    infoMode: resolved.mode == .info,
                    ocrPagePrice: plan.creditsPerOCRPage
                )
            try ledger.reserve(job: ticket.id, credits: credits, allowance: plan.monthlyCredits)
            report.creditsReserved = credits
            guard !resolved.dryRun else { return nil }
            try enter(.extract)
            return inspected.documents.count
        }
        guard let manifest, let inspection else {
            throw SpoolError(.workerFailed, "the job's worker left no inspection", retryable: true)
        }
        let infoMode = manifest.mode == .info

        var outputs: [(name: String, format: String, bytes: [UInt8])] = []
        var qaPassed = true
        if !rendered {
            outputs.append(
                (
                    "estimate.json", "estimate",
                    inspection.estimate(infoMode: infoMode, ocrPagePrice: plan.creditsPerOCRPage)
                )
            )
        } else {
            let scratch = try work.folder(WorkerProcess.folderName)
            let rendering = try JobRendering(bytes: scratch.read(JobRendering.fileName, limit: 16 << 20))
            report.documents = rendering.documents
            report.qaScores = rendering.qaScores
            qaPassed = rendering.qaPassed
            let rendered = try scratch.folder(JobRendering.renderedFolder)
            for output in rendering.outputs {
                outputs.append((output.name, output.format, try Self.read(output.name, in: rendered)))
            }
        }
        try enter(.qa)
        // A skill below the tenant's QA threshold waits for a person unless the manifest says never.
        let held = manifest.review == .always || manifest.review == .auto && !qaPassed

        try enter(.publish)
        // The last moment to notice an upload that only paused: nothing made from a partial file is published.
        try checkInputsUnchanged(ticket, work: work)
        // A held job's folder holds its outputs only: anything planted there before (an `APPROVE` written ahead
        // for a predictable id) goes.
        if held { try tenant.review.remove(ticket.id) }
        let destination = held ? try tenant.review.folder(ticket.id, create: true) : status
        for output in outputs {
            try destination.writeDurably(path: output.name, output.bytes)
            report.outputs.append(
                OutputRecord(
                    format: output.format,
                    path: "\(ticket.id)/\(output.name)",
                    bytes: output.bytes.count,
                    sha256: SHA256.hex(of: output.bytes)
                )
            )
        }
        for index in report.documents.indices { report.documents[index].status = "complete" }
        let pagesCharged = credits
        /// Ends the job in the ledger with everything the report holds.
        func record(_ report: JobReport, status: JobStatus, stage: JobStage, settle: Int?) throws {
            try ledger.finishJob(
                ticket.id,
                status: status,
                stage: stage,
                documents: records(report),
                outputs: report.outputs,
                qaScores: report.qaScores,
                settle: settle,
                events: tenant.configuration.webhookEvents(report)
            )
        }
        if held {
            report.status = .review
            report.stage = .review
            report.reviewPath = "review/\(ticket.id)"
            try destination.writeDurably(JobReport.fileName, report.bytes)
            try status.writeDurably(JobReport.fileName, report.bytes)
            try record(report, status: .review, stage: .review, settle: nil)
            logger.info("held for review", metadata: ["outputs": "\(outputs.count)"])
            return .review
        }
        report.status = .complete
        report.stage = nil
        report.creditsCharged = pagesCharged
        report.completedAt = Timestamp.now()
        try status.writeDurably(JobReport.fileName, report.bytes)
        try record(report, status: .complete, stage: .publish, settle: pagesCharged)
        try tenant.work.remove(ticket.id)
        try tenant.work.sync()
        logger.info("published", metadata: ["outputs": "\(outputs.count)", "credits": "\(pagesCharged)"])
        return .complete
    }

    /// Fails with `ERR::INPUT::CHANGED_AFTER_CLAIM` when an input's size is no longer the size the claim read.
    func checkInputsUnchanged(_ ticket: JobTicket, work: Directory) throws {
        guard ticket.inputSizes.count == ticket.inputs.count else { return }
        let input = try work.folder("input")
        for (name, size) in zip(ticket.inputs, ticket.inputSizes) where input.signature(name)?.size != size {
            throw SpoolError(
                .changedAfterClaim,
                "'\(name)' changed after it was taken (\(size) bytes then, \(input.signature(name)?.size ?? 0) now): "
                    + "its upload was still going on; drop it again once it is complete"
            )
        }
    }

    /// An output file the worker left, at a relative path below `rendered`.
    static func read(_ path: String, in rendered: Directory) throws -> [UInt8] {
        let parts = path.split(separator: "/").map(String.init)
        var folder = rendered
        for part in parts.dropLast() { folder = try folder.folder(part) }
        guard let last = parts.last else { throw SpoolError(.workerFailed, "the worker named an empty output path") }
        return try folder.openRegularFile(last).readAll(limit: Int.max)
    }

    func records(_ report: JobReport) -> [DocumentRecord] {
        report.documents.map {
            DocumentRecord(
                fileName: $0.fileName,
                sha256: $0.sha256,
                bytes: $0.bytes,
                pages: $0.pageCount,
                sizeTier: $0.sizeTier,
                documentType: $0.documentType,
                category: $0.category,
                status: $0.status
            )
        }
    }
}

extension Logger {
    func with(tenant: String, job: String) -> Logger {
        var copy = self
        copy[metadataKey: "tenant"] = "\(tenant)"
        copy[metadataKey: "job"] = "\(job)"
        return copy
    }
}
