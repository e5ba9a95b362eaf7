import Digest
import FileSystem
import Ledger
import Logging
import PDFText
import Skills
import Synchronization

/// Keeps each case's skill in `outbox/cases/<case>/` in step with the case's completed jobs, one version per job
/// that brings a new document, and carries out archiving and reopening.
///
/// The ledger is the truth: a job of a case is folded into the case skill once, after its outputs were published,
/// and the fold is recorded after the case's files are durable — a crash in between folds it again, to the same
/// bytes. Runs on the intake task, so one case is never rebuilt twice at once.
final class CaseDesk: Sendable {
    let ledger: Ledger
    let intake: JobIntake
    let logger: Logger
    /// When each decision for a case the ledger does not have yet was first seen (monotonic seconds), by path.
    private let undecided = Mutex<[String: Double]>([:])

    init(ledger: Ledger, intake: JobIntake, logger: Logger) {
        self.ledger = ledger
        self.intake = intake
        self.logger = logger
    }

    /// The files a tenant drops into `inbox/<case>/` to archive or reopen the case.
    static let archiveFile = "ARCHIVE"
    static let reopenFile = "REOPEN"
    /// Cases' folder in the outbox.
    static let casesFolder = "cases"

    /// A case folder's intake tracker: its decision files are left to ``control(_:tenant:)``.
    static func tracker() -> InboxTracker { InboxTracker(reserving: [archiveFile, reopenFile]) }

    /// Acts on `ARCHIVE` and `REOPEN` in a case folder; true when a case changed state.
    ///
    /// A decision for a case the ledger does not have waits — for documents that create the case, which may arrive
    /// after it — while the folder holds documents and, alone, for the tenant's `manifestWaitSeconds`; then it is
    /// quarantined with `ERR::CASE::UNKNOWN`.
    func control(_ folder: IntakeFolder, tenant: TenantSpool) -> Bool {
        guard let caseFolder = folder.caseFolder else { return false }
        var changed = false
        for (file, archive) in [(Self.archiveFile, true), (Self.reopenFile, false)] {
            guard let signature = folder.directory.signature(file) else { continue }
            do {
                guard signature.kind == .regular, signature.links == 1 else {
                    try intake.quarantine(
                        file,
                        error: SpoolError(.notRegularFile, "'\(caseFolder.name)/\(file)' is not a regular file"),
                        tenant: tenant,
                        from: folder
                    )
                    continue
                }
                let key = "\(tenant.name)/\(caseFolder.name)/\(file)"
                if try ledger.caseRecord(tenant: tenant.name, slug: caseFolder.slug) == nil {
                    let now = Timestamp.monotonicSeconds()
                    let since = undecided.withLock { waiting in
                        waiting[key]
                            ?? {
                                waiting[key] = now; return now
                            }()
                    }
                    let others = try folder.directory.names().filter { $0 != file && InboxName($0) != .ignored }
                    guard others.isEmpty, now - since >= tenant.configuration.manifestWaitSeconds else { continue }
                    undecided.withLock { $0[key] = nil }
                    try intake.quarantine(
                        file,
                        error: SpoolError(
                            .unknownCase,
                            "there is no case '\(caseFolder.slug)' to \(archive ? "archive" : "reopen")"
                        ),
                        tenant: tenant,
                        from: folder
                    )
                    continue
                }
                undecided.withLock { $0[key] = nil }
                if try ledger.setCaseArchived(archive, tenant: tenant.name, slug: caseFolder.slug) {
                    changed = true
                    logger.notice(
                        archive ? "case archived" : "case reopened",
                        metadata: ["tenant": "\(tenant.name)", "case": "\(caseFolder.slug)"]
                    )
                }
                try folder.directory.remove(file)
                try folder.directory.sync()
            } catch {
                logger.error(
                    "case decision failed",
                    metadata: ["tenant": "\(tenant.name)", "case": "\(caseFolder.slug)", "error": "\(error)"]
                )
            }
        }
        return changed
    }

    /// Moves archived cases' folders under `outbox/cases/.archived/` (and reopened ones back), then folds every
    /// completed job of an open case that the case skill does not include yet. True when anything changed.
    @discardableResult
    func update(_ tenant: TenantSpool) -> Bool {
        var changed = false
        do {
            let cases = try ledger.cases(tenant: tenant.name)
            guard !cases.isEmpty else { return false }
            let root = try tenant.outbox.folder(Self.casesFolder, create: true)
            let archive = try root.folder(CaseSlug.archivedFolder, create: true)
            for record in cases { changed = try place(record, in: root, archive: archive) || changed }
            for job in try ledger.pendingCaseJobs(tenant: tenant.name) {
                guard let record = cases.first(where: { $0.slug == job.slug }) else { continue }
                try fold(job, into: record, tenant: tenant, root: root)
                changed = true
            }
        } catch {
            logger.error("cases not updated", metadata: ["tenant": "\(tenant.name)", "error": "\(error)"])
        }
        return changed
    }

    /// Puts a case's folder where its state says: `cases/<slug>/` while open, `cases/.archived/<slug>/` while
    /// archived. True when it moved.
    private func place(_ record: CaseRecord, in root: Directory, archive: Directory) throws -> Bool {
        let (from, to) = record.isArchived ? (root, archive) : (archive, root)
        guard from.signature(record.slug)?.kind == .folder else { return false }
        // Both present: the open folder is the newer one (written after a reopening).
        if to.contains(record.slug) {
            guard record.isArchived else {
                try from.remove(record.slug)
                return false
            }
            try to.remove(record.slug)
        }
        try from.move(record.slug, to: to)
        try from.sync()
        try to.sync()
        return true
    }
}
