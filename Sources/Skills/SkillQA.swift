/// Runs the five QA agents of AI Skill Mill on one skill, and the trigger agent (will an agent pick it?).
/// Deterministic: the same files give the same report.
public enum SkillQA {
    /// - Parameters:
    ///   - coverage: the source items the skill should carry (nil: completeness is not measured).
    ///   - sourceText: the source's text for the accuracy agent (nil: numbers are not checked).
    ///   - previous: the previous version of the same skill, for the evolution agent.
    public static func run(
        _ skill: SkillFiles,
        coverage: [OutlineItem]?,
        sourceText: String?,
        previous: SkillFiles? = nil,
        threshold: Int = 80
    ) -> QAReport {
        let structureFindings = StructureAgent.check(skill)
        var agents = [
            QAAgentResult(
                agent: "structure",
                score: StructureAgent.score(structureFindings),
                passed: false,
                findings: structureFindings
            )
        ]
        if let coverage {
            agents.append(ContentAgents.completeness(skill, coverage: coverage))
        } else {
            agents.append(
                .notMeasured("completeness", rule: "CMP0", reason: "no source given: completeness not measured")
            )
        }
        agents.append(ContentAgents.accuracy(skill, sourceText: sourceText))
        agents.append(ChangeAgents.evolution(skill, previous: previous))
        agents.append(ChangeAgents.script(skill))
        agents.append(TriggerAgent.check(skill))
        for index in agents.indices { agents[index].passed = agents[index].score >= threshold }
        return QAReport(
            skill: skill.folderName,
            version: ChangeAgents.version(skill),
            threshold: threshold,
            agents: agents
        )
    }

    /// The text of sources, for the accuracy agent: every entry, key, value and table cell.
    public static func sourceText(_ sources: [SkillSource]) -> String {
        var parts: [String] = []
        for source in sources {
            parts.append(source.fileName)
            // The title the file's metadata gives may name the skill.
            if let title = source.document.meta.title { parts.append(title) }
            for item in source.outline {
                switch item {
                case .title(let text, _), .heading(let text, _, _), .paragraph(let text, _):
                    parts.append(text)
                case .listItem(let text, let marker, _, _):
                    // A marker in words ("Step 4:") is printed in the skill, so its number is the source's too.
                    parts.append((marker.map { $0 + " " } ?? "") + text)
                case .keyValue(let key, let value, _):
                    parts += [key, value]
                case .table(let table, _):
                    parts += table.columns + table.rows.joined() + table.footers.flatMap { [$0.label] + $0.cells }
                }
            }
        }
        return parts.joined(separator: "\n")
    }
}
