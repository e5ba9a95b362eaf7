import Digest
import JSON
import Skills

/// `outbox/cases/<case>/case.json`: the case, its skill's version and QA, and each document with the job that
/// brought it and the reference that holds it. Deterministic like the skill: documents in the skill's order.
enum CaseStatus {
    static func json(_ profile: CaseProfile, release: CaseSkillRelease, entries: [CaseEntry]) -> JSONValue {
        let parts = CaseContinuation.join(CaseSkill.canonicalOrder(entries))
        let references = CaseSkill.referencePaths(parts)
        var documents: [JSONValue] = []
        for (index, part) in parts.enumerated() {
            for (position, entry) in part.documents.enumerated() {
                var members: [(String, JSONValue)] = [
                    ("job", .string(entry.job)), ("fileName", .string(entry.fileName)),
                    ("sha256", .string(entry.sha256)), ("title", .string(entry.title)), ("type", .string(entry.kind)),
                    ("category", entry.category.map { .string($0) } ?? .null),
                    ("date", entry.date.map { .string($0) } ?? .null), ("pageCount", .int(entry.pageCount)),
                    ("reference", .string("\(release.bundle.name)/\(references[index])")),
                ]
                if position > 0 { members.append(("continues", .string(part.documents[position - 1].fileName))) }
                documents.append(.object(members))
            }
        }
        return .object([
            ("slug", .string(profile.slug)), ("name", .string(profile.name)),
            ("claimNumber", profile.claimNumber.map { .string($0) } ?? .null),
            ("version", .string(release.bundle.version)),
            (
                "skill",
                .object([
                    ("name", .string(release.bundle.name)), ("path", .string(release.bundle.name + "/SKILL.md")),
                    ("zip", .string(release.bundle.name + ".zip")), ("zipSha256", .string(SHA256.hex(of: release.zip))),
                ])
            ),
            (
                "qa",
                .object([
                    ("passed", .bool(release.report.passed)),
                    (
                        "scores",
                        .array(
                            release.report.agents.map {
                                .object([
                                    ("agent", .string($0.agent)), ("score", .int($0.score)),
                                    ("passed", .bool($0.passed)),
                                ])
                            }
                        )
                    ),
                ])
            ),
            ("documents", .array(documents)),
        ])
    }

    static func bytes(_ profile: CaseProfile, release: CaseSkillRelease, entries: [CaseEntry]) -> [UInt8] {
        Array((JSONWriter.serialize(json(profile, release: release, entries: entries), pretty: true) + "\n").utf8)
    }
}
