import Digest
import FileSystem
import Ledger
import Logging
import PDFText

/// Carries out intake decisions: claims files into `.work/<job>/`, recognises duplicate drops, and quarantines
/// refused files into `failed/<job>/` with an `error.json`.
struct JobIntake: Sendable {
    let ledger: Ledger
    let logger: Logger

    /// The outcome of a claim.
    enum Claim {
        case job(JobTicket)
        case duplicate(of: String)
        case refused
        /// A file changed while it was being read: an upload still going on. Nothing was claimed; the file waits
        /// for its quiet period again.
        case changing
    }

    /// Moves `files` into a new job folder; the claim is all-or-nothing even across a crash (see ``JobRecovery``).
    func claim(
        source: JobTicket.Source,
        trigger: String,
        files: [String],
        tenant: TenantSpool,
        from folder: IntakeFolder
    ) throws -> Claim {
        // Read and hash every input through descriptors opened without following links.
        var hashes: [(name: String, sha256: String)] = []
        var sizes: [Int] = []
        var reference: String?
        var caseRequest: Manifest.CaseRequest?
        do {
            for name in files {
                let before = folder.directory.signature(name)
                let file = try folder.directory.openRegularFile(name)
                let limit: Int
                switch InboxName(name) {
                case .manifest: limit = 1 << 20
                case .archive:
                    limit = tenant.configuration.plan.bytesPerDocument * tenant.configuration.plan.documentsPerJob
                default: limit = tenant.configuration.plan.bytesPerDocument
                }
                let bytes = try file.readWithinPlan(limit: limit)
                if InboxName(name) == .manifest {
                    let manifest = try? Manifest(bytes: bytes, tenant: tenant.configuration)
                    reference = manifest?.reference
                    caseRequest = manifest?.caseRequest
                }
                // Unchanged (inode, size, time) from before the read to after it, and the size read is the size.
                guard bytes.count == file.size, let before, before == folder.directory.signature(name) else {
                    return .changing
                }
                hashes.append((name, SHA256.hex(of: bytes)))
                sizes.append(bytes.count)
            }
        } catch {
            try refuse(files: files, trigger: trigger, error: JobFailure(error), tenant: tenant, from: folder)
            return .refused
        }
        let caseLink: CaseLink?
        do { caseLink = try self.caseLink(caseRequest, folder: folder, tenant: tenant.name) } catch let error
            as SpoolError
        {
            try refuse(files: files, trigger: trigger, error: JobFailure(error), tenant: tenant, from: folder)
            return .refused
        }
        var key = SHA256()
        key.update("\(tenant.name)\n\(source.rawValue)\n\(PDFEngine.version)\n")
        // The same document in two cases is two jobs; in the same case twice, a duplicate.
        if let caseLink { key.update("case:\(caseLink.slug)\n") }
        // Documents are identified by content, the manifest by its bytes; a renamed copy is still the same drop.
        for entry in hashes { key.update(entry.sha256 + "\n") }
        let base = "j-" + String(key.hexDigest().prefix(20))

        let id: String
        switch try resolveID(base, tenant: tenant) {
        case .duplicate(let original):
            try recordDuplicate(of: original, files: files, tenant: tenant, from: folder)
            return .duplicate(of: original)
        case .fresh(let fresh):
            id = fresh
        }

        let now = Timestamp.now()
        var ticket = JobTicket(
            id: id,
            tenant: tenant.name,
            source: source,
            trigger: trigger,
            inputs: files,
            createdAt: now
        )
        ticket.inputSizes = sizes
        ticket.caseLink = caseLink
        let staging = id + ".claim"
        try tenant.work.remove(staging)
        ticket.origin = folder.caseFolder?.name
        let claimed = try tenant.work.folder(staging, create: true)
        // The ticket first: a claim interrupted while its files move knows where they came from.
        try claimed.writeDurably(JobTicket.fileName, ticket.bytes)
        let input = try claimed.folder("input", create: true)
        for name in files { try folder.directory.move(name, to: input) }
        try input.sync()
        try tenant.work.move(staging, to: tenant.work, as: id)
        try tenant.work.sync()
        try folder.directory.sync()

        var report = JobReport(id: id, tenant: tenant.name, createdAt: now)
        report.reference = reference
        // A job the ledger has already (a claim replayed after a crash) keeps its row.
        try ledger.createJob(
            JobRecord(
                id: id,
                tenant: tenant.name,
                reference: reference,
                manifestSHA256: source == .manifest ? hashes.first?.sha256 : nil,
                currentStage: .intake,
                createdAt: now
            ),
            events: tenant.configuration.webhookEvents(report, at: now),
            case: caseLink
        )
        let outbox = try tenant.outbox.folder(id, create: true)
        try outbox.writeDurably(JobReport.fileName, report.bytes)
        logger.info(
            "claimed",
            metadata: [
                "tenant": "\(tenant.name)", "job": "\(id)", "source": "\(source.rawValue)", "files": "\(files.count)",
            ]
        )
        return .job(ticket)
    }

    private enum ResolvedID {
        case fresh(String)
        case duplicate(String)
    }

    /// The job id for a drop: the content id, or a retry id (`-r2`, …) when that job failed before.
    private func resolveID(_ base: String, tenant: TenantSpool) throws -> ResolvedID {
        var candidate = base
        var attempt = 1
        while true {
            if tenant.work.contains(candidate) { return .duplicate(candidate) }
            switch try ledger.jobStatus(candidate) {
            case nil where !tenant.failed.contains(candidate) && !tenant.outbox.contains(candidate):
                return .fresh(candidate)
            case .failed?, nil:
                break
            case .some:
                return .duplicate(candidate)
            }
            attempt += 1
            candidate = "\(base)-r\(attempt)"
        }
    }

    /// A drop identical to a job already done or under way: its files go, and a status says whose copy it was.
    private func recordDuplicate(
        of original: String,
        files: [String],
        tenant: TenantSpool,
        from folder: IntakeFolder
    ) throws {
        var index = 1
        while tenant.outbox.contains("\(original)-dup\(index)") { index += 1 }
        let id = "\(original)-dup\(index)"
        let now = Timestamp.now()
        var report = JobReport(id: id, tenant: tenant.name, createdAt: now)
        report.status = .complete
        report.stage = nil
        report.duplicateOf = original
        report.completedAt = now
        let answer = try tenant.outbox.folder(id, create: true)
        try answer.writeDurably(JobReport.fileName, report.bytes)
        // The drop is answered like a job that completed at once, before its files go.
        try ledger.recordWebhookEvents(tenant.configuration.webhookEvents(report, at: now))
        for name in files { try folder.directory.remove(name) }
        try folder.directory.sync()
        logger.notice(
            "duplicate drop",
            metadata: ["tenant": "\(tenant.name)", "job": "\(original)", "files": "\(files)"]
        )
    }

    /// Quarantines one file.
    func quarantine(_ name: String, error: SpoolError, tenant: TenantSpool, from folder: IntakeFolder) throws {
        try refuse(files: [name], trigger: name, error: JobFailure(error), tenant: tenant, from: folder)
    }

    /// Moves a refused drop to `failed/<id>/` with `error.json`, and records it as a failed job (nothing charged).
    func refuse(
        files: [String],
        trigger: String,
        error: JobFailure,
        tenant: TenantSpool,
        from folder: IntakeFolder
    ) throws {
        var key = SHA256()
        key.update("\(tenant.name)\nrefused\n\(trigger)\n")
        if let caseFolder = folder.caseFolder { key.update("case:\(caseFolder.name)\n") }
        if let signature = folder.directory.signature(trigger) {
            key.update("\(signature.inode) \(signature.size) \(signature.modified)\n")
        }
        let base = "q-" + String(key.hexDigest().prefix(20))
        var id = base
        var attempt = 1
        while try tenant.failed.contains(id) || ledger.hasJob(id) {
            attempt += 1
            id = "\(base)-r\(attempt)"
        }
        let quarantine = try tenant.failed.folder(id, create: true)
        for name in files where folder.directory.contains(name) { try folder.directory.move(name, to: quarantine) }
        try quarantine.writeDurably("error.json", JobReport.errorBytes(error, job: id))
        try tenant.failed.sync()
        try folder.directory.sync()
        let now = Timestamp.now()
        var report = JobReport(id: id, tenant: tenant.name, createdAt: now)
        try ledger.createJob(
            JobRecord(id: id, tenant: tenant.name, status: .created, currentStage: .intake, createdAt: now),
            events: tenant.configuration.webhookEvents(report, at: now)
        )
        try ledger.closeFailed(&report, error, stage: .intake, tenant: tenant, at: now)
        let outbox = try tenant.outbox.folder(id, create: true)
        try outbox.writeDurably(JobReport.fileName, report.bytes)
        logger.warning(
            "quarantined",
            metadata: ["tenant": "\(tenant.name)", "job": "\(id)", "code": "\(error.code)", "files": "\(files)"]
        )
    }
}

extension JobIntake {
    /// The case a claim joins: its case folder's, or the one its manifest names (found by claim number first).
    /// - Throws: `ERR::CASE::CONFLICT` when the manifest names another case than its folder, or a claim number
    ///   that belongs to another case.
    func caseLink(_ request: Manifest.CaseRequest?, folder: IntakeFolder, tenant: String) throws -> CaseLink? {
        var link: CaseLink?
        if let caseFolder = folder.caseFolder {
            link = CaseLink(slug: caseFolder.slug, name: caseFolder.name)
        }
        // The case holding the manifest's claim number, asked once: it names the case and guards the number.
        let holder = try request?.claimNumber.flatMap { try ledger.caseSlug(tenant: tenant, claimNumber: $0) }
        if let request {
            guard let slug = holder ?? CaseSlug.make(request.name ?? request.claimNumber ?? "") else { return link }
            if let current = link, current.slug != slug {
                throw SpoolError(
                    .caseConflict,
                    "the manifest names the case '\(slug)' but was dropped into the case folder '\(current.slug)'"
                )
            }
            link = CaseLink(
                slug: slug,
                name: link?.name ?? request.name ?? request.claimNumber ?? slug,
                claimNumber: request.claimNumber
            )
        }
        guard let link else { return nil }
        if let existing = try ledger.caseRecord(tenant: tenant, slug: link.slug), let claim = link.claimNumber,
            let held = existing.claimNumber, held != claim
        {
            throw SpoolError(.caseConflict, "the case '\(link.slug)' has the claim number '\(held)', not '\(claim)'")
        }
        if let claim = link.claimNumber, let holder, holder != link.slug {
            throw SpoolError(.caseConflict, "claim number '\(claim)' belongs to the case '\(holder)'")
        }
        return link
    }
}

/// Where intake takes files from: a tenant's inbox, or one of its case folders `inbox/<case>/`.
struct IntakeFolder: Sendable {
    /// A case folder: its name as the tenant made it and the case's slug.
    struct CaseFolder: Sendable, Hashable {
        var name: String
        var slug: String
    }

    var directory: Directory
    var caseFolder: CaseFolder?
}
