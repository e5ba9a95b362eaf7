import DocumentModel
import FileSystem
import JSON
import Ledger
import Skills
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The tenant's `outbox/index.html` dashboard and `outbox/available_skills.xml`, regenerated after jobs finish.
struct OutboxIndex: Sendable {
    let ledger: Ledger
    /// The skills of published jobs, by tenant and job: a finished job's folder no longer changes, so it is read
    /// once rather than on every regeneration.
    private let published = SkillCache()

    init(ledger: Ledger) { self.ledger = ledger }

    /// Jobs listed on the dashboard, newest first.
    static let dashboardSize = 500

    func regenerate(_ tenant: TenantSpool) throws {
        let page = try ledger.jobs(JobFilter(tenant: tenant.name), page: 1, pageSize: Self.dashboardSize)
        let qa = try ledger.qaSummaries(tenant: tenant.name)
        try tenant.outbox.writeDurably("index.html", Array(dashboard(tenant.name, page: page, qa: qa).utf8))
        try tenant.outbox.writeDurably("available_skills.xml", Array(skillsXML(tenant).utf8))
    }

    func dashboard(
        _ tenant: String,
        page: JobPage,
        qa: [String: (skills: Int, lowest: Int, passed: Bool)] = [:]
    ) -> String {
        var counts: [String: Int] = [:]
        for job in page.jobs { counts[job.status.rawValue, default: 0] += 1 }
        var html = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Skillspool · \(Self.escape(tenant))</title>
            <style>
            body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}
            table{border-collapse:collapse;width:100%}th,td{padding:4px 8px;border-bottom:1px solid #ddd;text-align:left}
            .complete{color:#176f2c}.failed{color:#b3261e}.review{color:#8a5a00}.processing,.created{color:#245}
            </style></head><body>
            <h1>Skillspool · \(Self.escape(tenant))</h1>
            <p>\(page.total) jobs in all; the \(page.jobs.count) newest below. \
            \(JobStatus.allCases.map { "\($0.rawValue): \(counts[$0.rawValue, default: 0])" }.joined(separator: " · "))</p>
            <table><thead><tr><th>job</th><th>status</th><th>stage</th><th>QA (skills, lowest score)</th><th>error</th><th>reference</th><th>created</th><th>completed</th></tr></thead><tbody>

            """
        for job in page.jobs {
            let link: String
            switch job.status {
            case .review: link = "../review/\(job.id)/status.json"
            default: link = "\(job.id)/status.json"
            }
            html += "<tr><td><a href=\"\(Self.escape(link))\">\(Self.escape(job.id))</a></td>"
            html += "<td class=\"\(job.status.rawValue)\">\(job.status.rawValue)</td>"
            html += "<td>\(Self.escape(job.currentStage?.rawValue ?? ""))</td>"
            if let scores = qa[job.id] {
                let verdict = scores.passed ? "passed" : "below threshold"
                html += "<td class=\"\(scores.passed ? "complete" : "review")\">"
                html += "\(scores.skills) skill\(scores.skills == 1 ? "" : "s"), \(scores.lowest) (\(verdict))</td>"
            } else {
                html += "<td></td>"
            }
            html += "<td>\(Self.escape(job.errorCode ?? ""))</td>"
            html += "<td>\(Self.escape(job.reference ?? ""))</td><td>\(Self.escape(job.createdAt))</td>"
            html += "<td>\(Self.escape(job.completedAt ?? ""))</td></tr>\n"
        }
        html += "</tbody></table></body></html>\n"
        return html
    }

    /// `<available_skills>` for every published skill folder (`outbox/<job>/<skill>/SKILL.md`), located by absolute
    /// path as the reference tool does.
    func skillsXML(_ tenant: TenantSpool) throws -> String {
        var resolved = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let base = realpath(tenant.outbox.path, &resolved) != nil ? String(cString: resolved) : tenant.outbox.path
        var skills: [SkillCache.Entry] = []
        for job in try tenant.outbox.names() {
            if let known = published.entries(tenant.name + "/" + job) {
                skills += known
                continue
            }
            guard let folder = try? tenant.outbox.folder(job) else { continue }
            var found: [SkillCache.Entry] = []
            for entry in try folder.names() where !entry.hasPrefix(".") {
                guard let skill = try? folder.folder(entry), skill.contains("SKILL.md"),
                    let bytes = try? skill.read("SKILL.md", limit: 1 << 20),
                    case .success(let frontmatter) = Frontmatter.parse(String(decoding: bytes, as: UTF8.self)),
                    let name = frontmatter.string("name")
                else { continue }
                found.append((name, frontmatter.string("description") ?? "", "\(base)/\(job)/\(entry)/SKILL.md"))
            }
            skills += found
            if Self.isComplete(folder) { published.store(found, for: tenant.name + "/" + job) }
        }
        return AvailableSkills.xml(skills) + "\n"
    }

    /// Whether the job's status says it is complete (its outputs are final).
    private static func isComplete(_ folder: Directory) -> Bool {
        guard let bytes = try? folder.read(JobReport.fileName), let status = try? JSONParser.parse(bytes) else {
            return false
        }
        return status["status"]?.stringValue == JobStatus.complete.rawValue
    }

    static func escape(_ text: String) -> String { AvailableSkills.escape(text) }
}

/// Skills of finished jobs, shared by the intake task and worker threads.
final class SkillCache: Sendable {
    typealias Entry = (name: String, description: String, location: String)
    private let entriesByJob = Mutex<[String: [Entry]]>([:])

    func entries(_ job: String) -> [Entry]? { entriesByJob.withLock { $0[job] } }

    func store(_ entries: [Entry], for job: String) { entriesByJob.withLock { $0[job] = entries } }
}
