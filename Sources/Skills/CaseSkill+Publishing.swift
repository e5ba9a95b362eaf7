import Archives

/// One version of a case skill, ready to publish: the skill folder's files, its zip and its QA report.
public struct CaseSkillRelease: Sendable {
    public var bundle: SkillBundle
    public var zip: [UInt8]
    public var report: QAReport
    /// Every file under the case's folder: `<name>/…`, `<name>.zip`, `<name>.qa.json`, `<name>.qa.html`.
    public var files: [PublishedFile]
}

extension CaseSkill {
    /// Builds the case skill for `entries`, zips it and runs the six QA agents on it, the evolution agent against
    /// `previous` (the version published before, nil for the first).
    /// - Throws: ``ArchiveError`` when the zip cannot be written.
    public static func release(
        _ profile: CaseProfile,
        entries: [CaseEntry],
        previous: SkillFiles?,
        engineVersion: String,
        threshold: Int = 80
    ) throws -> CaseSkillRelease {
        let bundle = build(profile, entries: entries, engineVersion: engineVersion)
        let zip = try ZipWriter.archive(bundle.archivePaths.map { ZipEntry(path: $0.path, bytes: $0.bytes) })
        let report = SkillQA.run(
            SkillFiles(bundle, zipBytes: zip),
            coverage: nil,
            sourceText: sourceText(profile, entries: canonicalOrder(entries)),
            previous: previous,
            threshold: threshold
        )
        var files = bundle.archivePaths.map { PublishedFile(path: $0.path, format: "case-skill", bytes: $0.bytes) }
        files.append(PublishedFile(path: "\(bundle.name).zip", format: "case-skill", bytes: zip))
        files.append(PublishedFile(path: "\(bundle.name).qa.json", format: "qa", bytes: report.jsonBytes))
        files.append(PublishedFile(path: "\(bundle.name).qa.html", format: "qa", bytes: Array(report.html.utf8)))
        return CaseSkillRelease(bundle: bundle, zip: zip, report: report, files: files)
    }

    /// What the case skill's numbers may come from: the documents' text and facts, and what the case counts of
    /// them (documents, pages, page numbering).
    static func sourceText(_ profile: CaseProfile, entries: [CaseEntry]) -> String {
        var parts = [profile.name, profile.claimNumber ?? "", "\(entries.count) documents"]
        for entry in entries {
            parts += [entry.fileName, entry.title, entry.markdown, "\(entry.pageCount) pages", entry.date ?? ""]
            for fact in entry.amounts + entry.identifiers + entry.dates {
                parts += [fact.key, fact.value, fact.normalized]
            }
            for mark in [entry.firstMark, entry.lastMark].compactMap({ $0 }) {
                parts.append("page \(mark.number) of \(mark.total)")
            }
        }
        let pages = CaseContinuation.join(canonicalOrder(entries)).map { $0.documents.reduce(0) { $0 + $1.pageCount } }
        parts += pages.map { "\($0) pages" }
        return parts.joined(separator: "\n")
    }
}
