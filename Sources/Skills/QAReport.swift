import JSON

/// One finding of a QA agent.
public struct QAFinding: Sendable, Hashable {
    public enum Severity: String, Sendable {
        case error
        case warning
        case info
    }

    /// The rule (`E3`, `W13`, `ACC1`, …).
    public var rule: String
    public var severity: Severity
    public var file: String?
    public var line: Int?
    public var message: String

    public init(_ rule: String, _ severity: Severity, file: String? = nil, line: Int? = nil, _ message: String) {
        self.rule = rule
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
    }
}

/// One agent's verdict.
public struct QAAgentResult: Sendable {
    public var agent: String
    public var score: Int
    public var passed: Bool
    public var findings: [QAFinding]

    /// An agent that had nothing to check (no source, no previous version): full marks with one info finding
    /// saying why, so a report shows the check was skipped rather than passed.
    static func notMeasured(_ agent: String, rule: String, reason: String) -> QAAgentResult {
        QAAgentResult(agent: agent, score: 100, passed: true, findings: [QAFinding(rule, .info, reason)])
    }
}

/// The QA of one skill: the five agents of AI Skill Mill and the trigger agent.
public struct QAReport: Sendable {
    public var skill: String
    public var version: String?
    public var threshold: Int
    public var agents: [QAAgentResult]

    public var passed: Bool { agents.allSatisfy(\.passed) }

    /// Findings of the error rules (E1–E13).
    public var errorCount: Int { agents.reduce(0) { $0 + $1.findings.filter { $0.severity == .error }.count } }

    public var json: JSONValue {
        .object([
            ("skill", .string(skill)), ("version", version.map { .string($0) } ?? .null),
            ("threshold", .int(threshold)), ("passed", .bool(passed)),
            (
                "agents",
                .array(
                    agents.map { agent in
                        .object([
                            ("agent", .string(agent.agent)), ("score", .int(agent.score)),
                            ("passed", .bool(agent.passed)),
                            (
                                "findings",
                                .array(
                                    agent.findings.map { finding in
                                        .object([
                                            ("rule", .string(finding.rule)),
                                            ("severity", .string(finding.severity.rawValue)),
                                            ("file", finding.file.map { .string($0) } ?? .null),
                                            ("line", finding.line.map { .int($0) } ?? .null),
                                            ("message", .string(finding.message)),
                                        ])
                                    }
                                )
                            ),
                        ])
                    }
                )
            ),
        ])
    }

    public var jsonBytes: [UInt8] { Array((JSONWriter.serialize(json, pretty: true) + "\n").utf8) }
}
