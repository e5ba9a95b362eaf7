import FileSystem
import Ledger
import Skills

extension OutboxIndex {
    /// A case skill as the index lists it.
    struct CaseSkillEntry {
        var record: CaseRecord
        var name: String
        var description: String
        /// The skill folder relative to the outbox (`cases/<slug>/case-<slug>`).
        var folder: String
    }

    /// The published skill of every open case (an archived case's skill is kept, not offered).
    func caseSkills(_ cases: [CaseRecord], tenant: TenantSpool) -> [CaseSkillEntry] {
        cases.compactMap { record in
            guard !record.isArchived, record.version != nil else { return nil }
            let name = CaseSkill.name(CaseProfile(slug: record.slug, name: record.name))
            guard let folder = try? tenant.outbox.folder(CaseDesk.casesFolder).folder(record.slug).folder(name),
                let bytes = try? folder.read("SKILL.md", limit: 1 << 20),
                case .success(let frontmatter) = Frontmatter.parse(String(decoding: bytes, as: UTF8.self))
            else { return nil }
            return CaseSkillEntry(
                record: record,
                name: frontmatter.string("name") ?? name,
                description: frontmatter.string("description") ?? "",
                folder: "\(CaseDesk.casesFolder)/\(record.slug)/\(name)"
            )
        }
    }

    /// The dashboard's list of cases: name, claim number, documents, the case skill's version, state.
    func caseSection(_ cases: [CaseRecord], skills: [CaseSkillEntry]) -> String {
        guard !cases.isEmpty else { return "" }
        var html = "<h2>Cases</h2>\n<table class=\"cases\"><thead><tr><th>case</th><th>claim number</th>"
        html += "<th>documents</th><th>case skill</th><th>state</th><th>created</th></tr></thead><tbody>\n"
        for record in cases {
            html += "<tr><td>\(Self.escape(record.name)) (\(Self.escape(record.slug)))</td>"
            html += "<td>\(Self.escape(record.claimNumber ?? ""))</td><td>\(record.documents)</td><td>"
            if let skill = skills.first(where: { $0.record.slug == record.slug }) {
                html += "<a href=\"\(Self.escape(skill.folder))/SKILL.md\">\(Self.escape(skill.name))</a> "
                html += "\(Self.escape(record.version ?? ""))"
            } else {
                html += Self.escape(record.version ?? "not yet published")
            }
            html += "</td><td>\(record.isArchived ? "archived" : "open")</td>"
            html += "<td>\(Self.escape(record.createdAt))</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }
}
