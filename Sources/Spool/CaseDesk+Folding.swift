import Digest
import FileSystem
import JSON
import Ledger
import PDFText
import Skills

extension CaseDesk {
    /// Folds one completed job into its case: reads the case entries of the case's folded jobs and of this one
    /// (each checked against the checksum the ledger recorded), publishes the next version of the case skill if
    /// the job brought a new document, and records the fold.
    func fold(_ job: CaseJobRecord, into record: CaseRecord, tenant: TenantSpool, root: Directory) throws {
        let folded = try ledger.caseJobs(tenant: tenant.name, slug: record.slug).filter { $0.version != nil }
        var earlier: [CaseEntry] = []
        for other in folded { earlier += try entries(of: other.job, tenant: tenant) }
        let added = try entries(of: job.job, tenant: tenant)
        let known = Set(earlier.map(\.sha256))
        let new = added.filter { !known.contains($0.sha256) }
        guard !new.isEmpty else {
            // An info or dry-run job, or documents the case already has: nothing new to publish.
            try ledger.foldCaseJob(
                job.job,
                tenant: tenant.name,
                slug: record.slug,
                version: nil,
                documents: known.count
            )
            return
        }
        let profile = CaseProfile(slug: record.slug, name: record.name, claimNumber: record.claimNumber)
        let previous =
            earlier.isEmpty
            ? nil : SkillFiles(CaseSkill.build(profile, entries: earlier, engineVersion: PDFEngine.version))
        let release = try CaseSkill.release(
            profile,
            entries: earlier + new,
            previous: previous,
            engineVersion: PDFEngine.version,
            threshold: tenant.configuration.qaThreshold
        )
        let folder = try root.folder(record.slug, create: true)
        try publish(release, in: folder)
        let changes = new.map { "Added \u{201C}\($0.title)\u{201D} (\($0.fileName))" }.joined(separator: "\n")
        let events = try ledger.caseEvents(tenant: tenant.name, slug: record.slug)
        try folder.writeDurably(
            "CHANGELOG.md",
            Array(changelog(record, events: events, next: (release.bundle.version, job.job, changes)).utf8)
        )
        try folder.writeDurably("case.json", CaseStatus.bytes(profile, release: release, entries: earlier + new))
        try folder.sync()
        try ledger.foldCaseJob(
            job.job,
            tenant: tenant.name,
            slug: record.slug,
            version: release.bundle.version,
            documents: Set((earlier + new).map(\.sha256)).count,
            detail: changes
        )
        if !release.report.passed {
            logger.warning(
                "the case skill did not pass QA",
                metadata: [
                    "tenant": "\(tenant.name)", "case": "\(record.slug)", "version": "\(release.bundle.version)",
                ]
            )
        }
        logger.info(
            "case skill published",
            metadata: [
                "tenant": "\(tenant.name)", "case": "\(record.slug)", "job": "\(job.job)",
                "version": "\(release.bundle.version)",
            ]
        )
    }

    /// The case entries a job published (`outbox/<job>/*.case.json`), each as the ledger recorded it: a file
    /// changed or planted since is left out, and said so.
    func entries(of job: String, tenant: TenantSpool) throws -> [CaseEntry] {
        guard let detail = try ledger.jobDetail(job), let outbox = try? tenant.outbox.folder(job) else { return [] }
        var result: [CaseEntry] = []
        for output in detail.outputs where output.format == "case" {
            let name = String(output.path.dropFirst(job.count + 1))
            guard let bytes = try? outbox.read(name, limit: CaseEntry.byteLimit),
                SHA256.hex(of: bytes) == output.sha256,
                let entry = CaseEntry(bytes: bytes)
            else {
                logger.warning(
                    "a case entry is missing or not the one the job published; the case goes on without it",
                    metadata: ["tenant": "\(tenant.name)", "job": "\(job)", "file": "\(name)"]
                )
                continue
            }
            result.append(entry)
        }
        return result
    }

    /// Replaces the skill folder, its zip and QA files in the case's folder. The new folder is written beside the
    /// old one and renamed over it, so a reader sees one version or the other.
    private func publish(_ release: CaseSkillRelease, in folder: Directory) throws {
        let name = release.bundle.name
        let staging = ".\(name).new"
        try folder.remove(staging)
        let fresh = try folder.folder(staging, create: true)
        for file in release.bundle.files { try fresh.writeDurably(path: file.path, file.bytes) }
        try fresh.sync()
        for file in release.files where !file.path.hasPrefix(name + "/") {
            try folder.writeDurably(file.path, file.bytes)
        }
        try folder.remove(name)
        try folder.move(staging, to: folder, as: name)
        try folder.sync()
    }

    /// `CHANGELOG.md`: one section per published version, newest first, with what it added.
    func changelog(
        _ record: CaseRecord,
        events: [CaseEventRecord],
        next: (version: String, job: String, changes: String)
    ) -> String {
        var versions = events.filter { $0.event == .published }.compactMap { event in
            event.version.map { ($0, event.job ?? "", event.detail ?? "", String(event.at.prefix(10))) }
        }
        if !versions.contains(where: { $0.0 == next.version }) {
            versions.append((next.version, next.job, next.changes, String(Timestamp.now().prefix(10))))
        }
        var lines = ["# Changelog of the case \u{201C}\(record.name)\u{201D}", ""]
        for (version, job, changes, day) in versions.reversed() {
            lines += ["## \(version) \u{2014} \(day)", ""]
            lines += changes.split(separator: "\n").map { "- \($0) \u{2014} job \(job)" }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
