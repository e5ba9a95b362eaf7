import Foundation
import PDFFixtures
import TestServers
import Testing
import Webhooks

/// Webhooks through the real daemon and a real HTTP receiver that fails 30% of posts, with the daemon killed
/// (SIGKILL) twice while it works: every event of every job arrives at least once, signed with its tenant's secret;
/// a repeat carries the same event id and the same body; each tenant gets its own jobs' events, and only the events
/// it asked for.
@Suite("Daemon: signed webhooks, at least once", .serialized)
struct DaemonWebhooksTests {
    /// Jobs per run: 1,000 (about a minute here), or `SKILLSPOOL_WEBHOOK_JOBS`.
    static let jobs = ProcessInfo.processInfo.environment["SKILLSPOOL_WEBHOOK_JOBS"].flatMap(Int.init) ?? 1_000

    /// A received post: its headers and body as the receiver stored them.
    struct Received {
        var tenant: String
        var eventID: String
        var signature: String
        var body: [UInt8]
    }

    @Test("every event is delivered at least once across two kill -9s and a receiver failing 30% of posts")
    func atLeastOnce() throws {
        let server = try HTTPTestServer()
        let hooks = server.folder.appendingPathComponent("hooks")
        try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
        try Data("30".utf8).write(to: hooks.appendingPathComponent("FAIL_PERCENT"))
        let secrets = ["acme": "acme-secret-\(UUID().uuidString)", "beta": "beta-secret-\(UUID().uuidString)"]
        func tenant(_ name: String, events: String) -> String {
            """
            , "review": "never", "fetch": { "allowHTTP": true, "allowPrivateAddresses": true },
              "plan": { "monthlyCredits": 100000, "jobsPerHour": 100000, "concurrentJobs": 4 },
              "webhooks": [{ "url": "\(server.base)/hook/\(name)", "secretFile": "\(name).secret"\(events) }]
            """
        }
        let harness = try SpoolHarness(
            tenants: [
                "acme": tenant("acme", events: ""),
                // beta wants the outcome only.
                "beta": tenant("beta", events: #", "events": ["complete", "failed"]"#),
            ],
            daemon: #", "webhooks": { "firstRetrySeconds": 0.05, "maxRetrySeconds": 0.5, "timeoutSeconds": 5 }"#
        )
        for (name, secret) in secrets {
            try Data((secret + "\n").utf8).write(to: harness.root.appendingPathComponent("etc/tenants/\(name).secret"))
        }
        try harness.start(tenants: ["acme", "beta"])

        // Every tenth document of beta is damaged: its job fails, and the failure is an event too.
        let total = Self.jobs
        for index in 0..<total {
            let name = index % 2 == 0 ? "acme" : "beta"
            let bytes =
                name == "beta" && index % 10 == 1
                ? Array("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n".utf8)
                : SpoolPDF.numbered(index, tag: "Webhook")
            try harness.dropByRename(bytes, temporary: ".up-\(index)", as: "doc-\(index).pdf", tenant: name)
        }
        // Two crashes while jobs run and events are being posted.
        for share in [3, 6] {
            try harness.wait("\(share)/10 of the posts", timeout: 300) {
                Self.storedPosts(hooks) >= total * share / 10
            }
            harness.crash()
            try harness.start(tenants: ["acme", "beta"])
        }
        try harness.wait("every job ended", timeout: 600) {
            let statuses = harness.statuses("acme").merging(harness.statuses("beta")) { first, _ in first }
            return statuses.count == total
                && statuses.values.allSatisfy { ["complete", "failed"].contains($0["status"] as? String ?? "") }
        }
        try harness.wait("no delivery pending", timeout: 300) {
            let pending = try? harness.cli(["webhooks", "list", "--state", "pending", "--json", "--limit", "5"])
            return pending?.status == 0 && pending?.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]"
        }
        #expect(harness.stop() == 0)

        // What each job's events should be: created, processing (when it started), and how it ended.
        var expected: [String: Set<String>] = ["acme": [], "beta": []]
        for name in ["acme", "beta"] {
            for (job, status) in harness.statuses(name) {
                let end = status["status"] as? String ?? "?"
                // beta asked for outcomes only; a duplicate drop is answered with its outcome alone.
                if name == "beta" || status["duplicateOf"] is String {
                    expected[name]?.insert("\(job).\(end)")
                    continue
                }
                expected[name]?.insert("\(job).created")
                let started = (status["timestamps"] as? [String: Any])?["started"] is String
                if started { expected[name]?.insert("\(job).processing") }
                expected[name]?.insert("\(job).\(end)")
            }
        }
        let received = try Self.received(hooks)
        var bodies: [String: [UInt8]] = [:]
        var repeats = 0
        for post in received {
            let secret = Array(try #require(secrets[post.tenant]).utf8)
            #expect(
                WebhookSignature.verify(
                    header: post.signature,
                    secret: secret,
                    body: post.body,
                    now: Self.now,
                    tolerance: 3_600
                ),
                "\(post.eventID): the signature does not verify with \(post.tenant)'s secret"
            )
            #expect(
                expected[post.tenant]?.contains(post.eventID) == true,
                "\(post.tenant) got \(post.eventID), not its event"
            )
            let body = try #require(try JSONSerialization.jsonObject(with: Data(post.body)) as? [String: Any])
            #expect((body["event"] as? [String: Any])?["id"] as? String == post.eventID)
            #expect(body["tenant"] as? String == post.tenant)
            #expect(post.eventID == "\(body["id"] as? String ?? "").\(body["status"] as? String ?? "")")
            if let first = bodies[post.eventID] {
                repeats += 1
                #expect(first == post.body, "\(post.eventID) was sent twice with different bodies")
            } else {
                bodies[post.eventID] = post.body
            }
        }
        let expectedIDs = expected.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        let missing = expectedIDs.subtracting(bodies.keys)
        #expect(missing.isEmpty, "\(missing.count) events never arrived: \(missing.sorted().prefix(5))")
        #expect(expected["beta"]?.contains { $0.hasSuffix(".failed") } == true)
        let givenUp = try harness.cli(["webhooks", "list", "--state", "given-up", "--json"])
        #expect(givenUp.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        print(
            "webhooks: \(total) jobs, \(expectedIDs.count) events, \(received.count) posts stored, \(repeats) repeats "
                + "(same id and body), \(Self.requests(hooks) - received.count) posts answered 503, 0 missing"
        )
    }

    @Test("a receiver that keeps failing: deliveries are given up, counted, listed, and sent again by `webhooks retry`")
    func givenUpAndRetried() throws {
        let server = try HTTPTestServer()
        let hooks = server.folder.appendingPathComponent("hooks")
        try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
        try Data("100".utf8).write(to: hooks.appendingPathComponent("FAIL_PERCENT"))
        let harness = try SpoolHarness(
            tenants: [
                "acme": """
                , "review": "never", "fetch": { "allowHTTP": true, "allowPrivateAddresses": true },
                  "webhooks": [{ "url": "\(server.base)/hook/acme", "secretFile": "acme.secret",
                                 "events": ["created", "complete"], "giveUpHours": 0.0005 }]
                """
            ],
            daemon: #", "webhooks": { "firstRetrySeconds": 0.1, "maxRetrySeconds": 0.4 }"#
        )
        let secret = "rotate-me-\(UUID().uuidString)"
        try Data(secret.utf8).write(to: harness.root.appendingPathComponent("etc/tenants/acme.secret"))
        try harness.start()
        for index in 0..<2 {
            try harness.dropByRename(
                SpoolPDF.numbered(index, tag: "Retry"),
                temporary: ".up-\(index)",
                as: "r\(index).pdf"
            )
        }
        func deliveries(_ state: String) throws -> [[String: Any]] {
            let listed = try harness.cli(["webhooks", "list", "--state", state, "--json"])
            return try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        }
        try harness.wait("four deliveries given up", timeout: 60) { (try? deliveries("given-up").count) == 4 }
        let givenUp = try deliveries("given-up")
        #expect(givenUp.allSatisfy { ($0["attempts"] as? Int ?? 0) >= 2 && $0["lastStatus"] as? Int == 503 })
        #expect(givenUp.allSatisfy { ($0["lastError"] as? String)?.hasPrefix("ERR::WEBHOOK::HTTP_STATUS") == true })
        try harness.wait("the metrics count them", timeout: 30) {
            let metrics =
                (try? String(contentsOf: harness.root.appendingPathComponent("spool/metrics.prom"), encoding: .utf8))
                ?? ""
            return metrics.contains(#"skillspool_webhook_attempts_total{tenant="acme",outcome="given_up"} 4"#)
                && metrics.contains(#"skillspool_webhook_pending{tenant="acme"} 0"#)
        }
        #expect(Self.storedPosts(hooks) == 0)

        // The receiver is fixed; an operator sends everything again.
        try Data("0".utf8).write(to: hooks.appendingPathComponent("FAIL_PERCENT"))
        let retried = try harness.cli(["webhooks", "retry", "--tenant", "acme"])
        #expect(retried.status == 0)
        #expect(retried.stdout == "4 deliveries pending again\n")
        try harness.wait("four deliveries delivered", timeout: 30) { (try? deliveries("delivered").count) == 4 }
        let received = try Self.received(hooks)
        #expect(Set(received.map(\.eventID)).count == 4)
        #expect(received.allSatisfy { $0.eventID.hasSuffix(".created") || $0.eventID.hasSuffix(".complete") })
        #expect(
            received.allSatisfy {
                WebhookSignature.verify(header: $0.signature, secret: Array(secret.utf8), body: $0.body, now: Self.now)
            }
        )
        let again = try harness.cli(["webhooks", "retry", "j-none.created"])
        #expect(again.status != 0)
        #expect(again.stderr.contains("ERR::LEDGER::INVALID_ARGUMENT"))
        #expect(harness.stop() == 0)
    }

    static var now: Int64 { Int64(Date().timeIntervalSince1970) }

    /// How many posts the receiver stored (answered 200).
    static func storedPosts(_ hooks: URL) -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: hooks.path)) ?? []).count { $0.hasSuffix(".json") }
    }

    /// Requests the receiver numbered: the highest number in a stored post's name (failed ones are not stored).
    static func requests(_ hooks: URL) -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: hooks.path)) ?? []).compactMap { name in
            name.split(separator: "-").last.flatMap { Int($0.dropLast(5)) }
        }.max() ?? 0
    }

    static func received(_ hooks: URL) throws -> [Received] {
        try FileManager.default.contentsOfDirectory(atPath: hooks.path).filter { $0.hasSuffix(".json") }.map { name in
            let record = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: hooks.appendingPathComponent(name)))
                    as? [String: Any]
            )
            let headers = try #require(record["headers"] as? [String: String])
            return Received(
                tenant: String(name.split(separator: "-")[0]),
                eventID: try #require(headers["skillspool-event-id"]),
                signature: try #require(headers["skillspool-signature"]),
                body: Array(try #require(record["body"] as? String).utf8)
            )
        }
    }
}
