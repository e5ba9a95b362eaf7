import DocumentModel
import FileSystem
import JSON
import Ledger
import Skills
import Synchronization

/// The tenant's `outbox/index.html` dashboard and `outbox/available_skills.xml`, regenerated after jobs finish.
struct OutboxIndex: Sendable {
    let ledger: Ledger
    /// The skills of published jobs, by tenant and job: a finished job's folder no longer changes, so it is read
    /// once rather than on every regeneration.
    private let published = SkillCache()

    init(ledger: Ledger) { self.ledger = ledger }

    /// Jobs listed on the dashboard, newest first.
    static let dashboardSize = 500
    /// The newest jobs shown with their documents, skills and credits.
    static let detailedJobs = 50

    func regenerate(_ tenant: TenantSpool) throws {
        let page = try ledger.jobs(JobFilter(tenant: tenant.name), page: 1, pageSize: Self.dashboardSize)
        let qa = try ledger.qaSummaries(tenant: tenant.name)
        let skills = try publishedSkills(tenant)
        let details = try ledger.jobDetails(page.jobs.prefix(Self.detailedJobs).map(\.id))
        let cases = try ledger.cases(tenant: tenant.name)
        let caseSkills = caseSkills(cases, tenant: tenant)
        var html = dashboard(tenant.name, page: page, qa: qa)
        html.replace(
            "</body></html>\n",
            with: caseSection(cases, skills: caseSkills) + jobSections(details, skills: skills) + "</body></html>\n"
        )
        try tenant.outbox.writeDurably("index.html", Array(html.utf8))
        try tenant.outbox.writeDurably(
            "available_skills.xml",
            Array(skillsXML(skills, cases: caseSkills, tenant: tenant).utf8)
        )
    }

    /// One section per job: its documents (name, type, pages), its skills (name, description, the QA agents'
    /// scores, links to the folder and the zip) and the credits charged.
    func jobSections(_ details: [JobDetail], skills: [String: [SkillCache.Entry]]) -> String {
        guard !details.isEmpty else { return "" }
        var html = "<h2>The \(details.count) newest jobs</h2>\n"
        for detail in details {
            let job = detail.job
            html += "<section class=\"job\" id=\"\(Self.escape(job.id))\"><h3>\(Self.escape(job.id)) · "
            html += "<span class=\"\(job.status.rawValue)\">\(job.status.rawValue)</span></h3>\n<p>Documents: "
            html += detail.documents.map { document in
                let type = document.documentType.map { ", " + $0 } ?? ""
                return
                    "\(Self.escape(document.fileName)) (\(document.pages) page\(document.pages == 1 ? "" : "s")\(Self.escape(type)))"
            }.joined(separator: "; ")
            html += ". Credits charged: \(detail.creditsCharged) of \(detail.creditsReserved) reserved.</p>\n"
            let jobSkills = skills[job.id] ?? []
            if !jobSkills.isEmpty {
                html +=
                    "<table class=\"skills\"><thead><tr><th>skill</th><th>description</th><th>QA</th><th>files</th></tr></thead><tbody>\n"
                for skill in jobSkills {
                    let scores = detail.qaScores.filter { $0.skill == skill.name }
                        .map { "\($0.agent) \($0.score)\($0.passed ? "" : " (failed)")" }.joined(separator: " · ")
                    let folder = "\(job.id)/\(skill.folder)/"
                    html += "<tr><td>\(Self.escape(skill.name))</td><td>\(Self.escape(skill.description))</td>"
                    html +=
                        "<td>\(Self.escape(scores))</td><td><a href=\"\(Self.escape(folder))SKILL.md\">folder</a> · "
                    html += "<a href=\"\(Self.escape("\(job.id)/\(skill.folder).zip"))\">zip</a></td></tr>\n"
                }
                html += "</tbody></table>\n"
            } else if job.status == .review {
                html +=
                    "<p>Held for review: <a href=\"../review/\(Self.escape(job.id))/\">review/\(Self.escape(job.id))</a></p>\n"
            }
            html += "</section>\n"
        }
        return html
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

    /// `<available_skills>` for every open case's skill (`outbox/cases/<case>/case-<case>/SKILL.md`) and every
    /// published skill folder (`outbox/<job>/<skill>/SKILL.md`), located by absolute path as the reference tool does.
    func skillsXML(
        _ skills: [String: [SkillCache.Entry]],
        cases: [CaseSkillEntry] = [],
        tenant: TenantSpool
    ) -> String {
        let base = Directory.absolutePath(tenant.outbox.path)
        let entries =
            cases.map { ($0.name, $0.description, "\(base)/\($0.folder)/SKILL.md") }
            + skills.keys.sorted().flatMap { job in
                skills[job, default: []].map { ($0.name, $0.description, "\(base)/\(job)/\($0.folder)/SKILL.md") }
            }
        return AvailableSkills.xml(entries) + "\n"
    }

    /// The skill folders published in each job's outbox folder, by job.
    func publishedSkills(_ tenant: TenantSpool) throws -> [String: [SkillCache.Entry]] {
        var skills: [String: [SkillCache.Entry]] = [:]
        for job in try tenant.outbox.names() where job != CaseDesk.casesFolder {
            if let known = published.entries(tenant.name + "/" + job) {
                skills[job] = known
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
                found.append((name, frontmatter.string("description") ?? "", entry))
            }
            if !found.isEmpty { skills[job] = found }
            if Self.isComplete(folder) { published.store(found, for: tenant.name + "/" + job) }
        }
        return skills
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
    /// A published skill: its name, description and folder name inside the job's outbox folder.
    typealias Entry = (name: String, description: String, folder: String)
    private let entriesByJob = Mutex<[String: [Entry]]>([:])

    func entries(_ job: String) -> [Entry]? { entriesByJob.withLock { $0[job] } }

    func store(_ entries: [Entry], for job: String) { entriesByJob.withLock { $0[job] = entries } }
}
