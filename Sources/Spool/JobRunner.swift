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

    /// How a run ended.
    enum Outcome: String, Sendable {
        case complete
        case failed
        /// Held in `review/<job>/` for a person.
        case review
    }

    /// One document while the job runs.
    struct WorkingDocument {
        var entry: Manifest.DocumentEntry
        var bytes: [UInt8]
        var report: JobReport.DocumentReport
        var selection: PageSelection = .all(0)
        var conversion: Conversion?
        var document: Document?
        var stem: String
    }

    func run(_ id: String, tenant: TenantSpool) -> Outcome {
        let jobLogger = logger.with(tenant: tenant.name, job: id)
        do {
            let work = try tenant.work.folder(id)
            var ticket = try JobTicket(bytes: work.read(JobTicket.fileName))
            switch try ledger.jobStatus(id) {
            case .complete?:
                // The ledger committed before a crash removed the claim: only the cleanup is left.
                try tenant.work.remove(id)
                return .complete
            case .failed? where tenant.failed.contains(id):
                try tenant.work.remove(id)
                return .failed
            default:
                break
            }
            if try !ledger.hasJob(id) {
                // A crash between the claim and its ledger row.
                try ledger.createJob(
                    JobRecord(id: id, tenant: tenant.name, currentStage: .intake, createdAt: ticket.createdAt)
                )
            }
            if let failure = ticket.failure { return try fail(ticket, failure, tenant: tenant, logger: jobLogger) }
            if tenant.review.contains(id), (try? tenant.review.folder(id))?.contains(JobReport.fileName) == true {
                return .review
            }
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
                return try fail(ticket, JobFailure(error), tenant: tenant, logger: jobLogger)
            }
        } catch {
            // The spool itself failed (disk full, permissions): leave the claim for the next start.
            jobLogger.error("job could not be run or failed", metadata: ["error": "\(error)"])
            return .failed
        }
    }

    private func process(_ ticket: JobTicket, work: Directory, tenant: TenantSpool, logger: Logger) throws -> Outcome {
        var report = JobReport(id: ticket.id, tenant: tenant.name, createdAt: ticket.createdAt)
        report.startedAt = Timestamp.now()
        report.status = .processing
        let status = try tenant.outbox.folder(ticket.id, create: true)
        func enter(_ stage: JobStage) throws {
            report.stage = stage
            try ledger.updateJob(ticket.id, status: .processing, stage: stage)
            // A progress note: the final status is written durably, this one need not be.
            try status.writeDurably(JobReport.fileName, report.bytes, durable: false)
        }

        try enter(.inspect)
        let (manifest, folder) = try inputs(ticket, work: work, tenant: tenant.configuration)
        report.reference = manifest.reference
        var documents = try inspect(manifest, folder: folder, tenant: tenant.configuration)
        report.documents = documents.map(\.report)
        let infoMode = manifest.mode == .info
        let credits =
            manifest.dryRun
            ? 0 : documents.reduce(0) { $0 + DocumentInfo.credits(pages: $1.selection.pages.count, infoMode: infoMode) }
        try ledger.reserve(job: ticket.id, credits: credits, allowance: tenant.configuration.plan.monthlyCredits)
        report.creditsReserved = credits

        var outputs: [(name: String, format: String, bytes: [UInt8])] = []
        if manifest.dryRun {
            outputs.append(("estimate.json", "estimate", estimate(documents, infoMode: infoMode)))
        } else {
            try enter(.extract)
            for index in documents.indices {
                var options = ConversionOptions(
                    pages: manifest.documents[index].pages,
                    password: manifest.documents[index].password,
                    bounds: manifest.bounds,
                    limits: configuration.limits
                )
                options.structure = !infoMode
                options.semantic = manifest.semantic
                options.styles = manifest.fonts
                documents[index].conversion = try DocumentConverter.convert(
                    bytes: documents[index].bytes,
                    options: options
                )
                documents[index].bytes = []
            }
            try enter(.structure)
            for index in documents.indices where !infoMode {
                documents[index].document = documents[index].conversion?.document
            }
            try enter(.classify)
            classify(&documents, manifest: manifest, tenant: tenant.configuration)
            report.documents = documents.map(\.report)
            try enter(.package)
            outputs = package(documents, manifest: manifest, infoMode: infoMode)
        }
        try enter(.qa)
        var qaPassed = true
        if !manifest.dryRun, !infoMode, manifest.outputFormats.contains(where: SkillRequest.formats.contains) {
            let skills = try packageSkills(documents, manifest: manifest, tenant: tenant.configuration)
            outputs += skills.files.map { ($0.path, $0.format, $0.bytes) }
            report.qaScores = skills.reports.flatMap { skill in
                skill.agents.map {
                    QAScoreRecord(skill: skill.skill, agent: $0.agent, score: $0.score, passed: $0.passed)
                }
            }
            qaPassed = skills.reports.allSatisfy(\.passed)
        }
        // A skill below the tenant's QA threshold waits for a person unless the manifest says never.
        let held = manifest.review == .always || manifest.review == .auto && !qaPassed

        try enter(.publish)
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
                settle: settle
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
