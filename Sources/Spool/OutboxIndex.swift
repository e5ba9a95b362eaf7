import Ledger

/// The tenant's `outbox/index.html` dashboard and `outbox/available_skills.xml`, regenerated after jobs finish.
struct OutboxIndex: Sendable {
    let ledger: Ledger

    /// Jobs listed on the dashboard, newest first.
    static let dashboardSize = 500

    func regenerate(_ tenant: TenantSpool) throws {
        let page = try ledger.jobs(JobFilter(tenant: tenant.name), page: 1, pageSize: Self.dashboardSize)
        try tenant.outbox.writeDurably("index.html", Array(dashboard(tenant.name, page: page).utf8))
        try tenant.outbox.writeDurably("available_skills.xml", Array(skillsXML(tenant).utf8))
    }

    func dashboard(_ tenant: String, page: JobPage) -> String {
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
            <table><thead><tr><th>job</th><th>status</th><th>stage</th><th>error</th><th>reference</th><th>created</th><th>completed</th></tr></thead><tbody>

            """
        for job in page.jobs {
            let link: String
            switch job.status {
            case .review: link = "../review/\(job.id)/status.json"
            default: link = "\(job.id)/status.json"
            }
            html += "<tr><td><a href=\"\(Self.escape(link))\">\(Self.escape(job.id))</a></td>"
            html += "<td class=\"\(job.status.rawValue)\">\(job.status.rawValue)</td>"
            html += "<td>\(Self.escape(job.currentStage ?? ""))</td><td>\(Self.escape(job.errorCode ?? ""))</td>"
            html += "<td>\(Self.escape(job.reference ?? ""))</td><td>\(Self.escape(job.createdAt))</td>"
            html += "<td>\(Self.escape(job.completedAt ?? ""))</td></tr>\n"
        }
        html += "</tbody></table></body></html>\n"
        return html
    }

    /// `<available_skills>` for every published skill folder (`outbox/<job>/<skill>/SKILL.md`), by path.
    func skillsXML(_ tenant: TenantSpool) throws -> String {
        var skills: [(name: String, description: String, location: String)] = []
        for job in try tenant.outbox.names() {
            guard let folder = try? tenant.outbox.folder(job) else { continue }
            for entry in try folder.names() where !entry.hasPrefix(".") {
                guard let skill = try? folder.folder(entry), skill.contains("SKILL.md"),
                    let bytes = try? skill.read("SKILL.md", limit: 1 << 20)
                else { continue }
                let fields = Self.frontmatter(String(decoding: bytes, as: UTF8.self))
                guard let name = fields["name"] else { continue }
                skills.append((name, fields["description"] ?? "", "\(job)/\(entry)/SKILL.md"))
            }
        }
        var xml = "<available_skills>\n"
        for skill in skills {
            xml += "<skill>\n<name>\n\(Self.escape(skill.name))\n</name>\n"
            xml += "<description>\n\(Self.escape(skill.description))\n</description>\n"
            xml += "<location>\n\(Self.escape(skill.location))\n</location>\n</skill>\n"
        }
        return xml + "</available_skills>\n"
    }

    /// Top-level `key: value` pairs of a SKILL.md frontmatter (quotes removed).
    static func frontmatter(_ text: String) -> [String: String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first?.trimmingCharacters(in: "\r") == "---" else { return [:] }
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            let trimmed = line.trimmingCharacters(in: "\r")
            if trimmed == "---" { break }
            guard !trimmed.hasPrefix(" "), let colon = trimmed.firstIndex(of: ":") else { continue }
            let key = String(trimmed[..<colon])
            var value = String(trimmed[trimmed.index(after: colon)...]).trimmingSpaces()
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
                if first == "\"" { value = value.replacing("\\\"", with: "\"").replacing("\\\\", with: "\\") }
            }
            fields[key] = value
        }
        return fields
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}

extension Substring {
    func trimmingCharacters(in set: Character) -> String {
        var view = self
        while view.last == set { view = view.dropLast() }
        return String(view)
    }
}
