extension QAReport {
    /// A static page a person would rather read than `qa.json`: a bar per agent, findings grouped by agent and rule,
    /// each linked to its file and line (relative to the folder holding the skill).
    public var html: String {
        func escape(_ text: String) -> String { AvailableSkills.escape(text) }
        var page = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>QA · \(escape(skill))</title>
            <style>
            body{font:14px/1.45 system-ui,sans-serif;margin:2em;max-width:60em;color:#222}
            .bar{background:#eee;border-radius:3px;height:14px;width:20em;display:inline-block;vertical-align:middle}
            .fill{height:14px;border-radius:3px}.ok{background:#2e7d32}.bad{background:#c62828}
            td,th{padding:3px 8px;text-align:left;vertical-align:top}.error{color:#b3261e}.warning{color:#8a5a00}.info{color:#555}
            </style></head><body>
            <h1>QA · \(escape(skill)) \(escape(version ?? ""))</h1>
            <p>\(passed ? "All agents passed" : "Some agents failed") (threshold \(threshold)).</p>
            <table>

            """
        for agent in agents {
            let tone = agent.passed ? "ok" : "bad"
            page +=
                "<tr><th>\(escape(agent.agent))</th><td><span class=\"bar\"><span class=\"fill \(tone)\" style=\"display:block;width:\(agent.score)%\"></span></span></td>"
            page += "<td>\(agent.score)</td><td>\(agent.passed ? "passed" : "failed")</td></tr>\n"
        }
        page += "</table>\n"
        for agent in agents where !agent.findings.isEmpty {
            page += "<h2>\(escape(agent.agent))</h2>\n"
            let rules = agent.findings.reduce(into: [String]()) { if !$0.contains($1.rule) { $0.append($1.rule) } }
            for rule in rules {
                let findings = agent.findings.filter { $0.rule == rule }
                page += "<h3 class=\"\(findings[0].severity.rawValue)\">\(escape(rule)) · \(findings.count)</h3><ul>\n"
                for finding in findings {
                    var location = ""
                    if let file = finding.file {
                        let target = "\(skill)/\(file)"
                        let label = finding.line.map { "\(file):\($0)" } ?? file
                        location = "<a href=\"\(escape(target))\">\(escape(label))</a> "
                    }
                    page += "<li>\(location)\(escape(finding.message))</li>\n"
                }
                page += "</ul>\n"
            }
        }
        return page + "</body></html>\n"
    }
}
