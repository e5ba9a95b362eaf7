import Fetch
import Foundation
import TestServers
import Testing
import Webhooks

@Suite("Signed webhook posts")
struct WebhookPosterTests {
    let secret = Array("whsec-test-1".utf8)
    let body = Array(#"{"event":{"id":"j1.complete","type":"job.complete"},"id":"j1"}"#.utf8)

    @Test("the signature verifies with the secret, and with nothing else")
    func signature() {
        let header = WebhookSignature.header(secret: secret, timestamp: 1_765_000_000, body: body)
        #expect(header.hasPrefix("t=1765000000,v1="))
        #expect(header.count == "t=1765000000,v1=".count + 64)
        #expect(WebhookSignature.verify(header: header, secret: secret, body: body, now: 1_765_000_100))
        // Another secret, a changed byte, a replay ten minutes later, a forged time stamp.
        #expect(
            !WebhookSignature.verify(header: header, secret: Array("whsec-test-2".utf8), body: body, now: 1_765_000_000)
        )
        var tampered = body
        tampered[tampered.count - 3] ^= 1
        #expect(!WebhookSignature.verify(header: header, secret: secret, body: tampered, now: 1_765_000_000))
        #expect(!WebhookSignature.verify(header: header, secret: secret, body: body, now: 1_765_000_601))
        let forged = header.replacingOccurrences(of: "t=1765000000", with: "t=1765000500")
        #expect(!WebhookSignature.verify(header: forged, secret: secret, body: body, now: 1_765_000_500))
        // During a rotation a receiver may get two signatures; one that matches is enough.
        let rotated = header + ",v1=" + String(repeating: "0", count: 64)
        #expect(WebhookSignature.verify(header: rotated, secret: secret, body: body, now: 1_765_000_000))
    }

    @Test("the signature is the HMAC-SHA256 of the time stamp, a dot and the body (a known answer)")
    func knownAnswer() {
        // HMAC-SHA256 of "1.{}" under the key "key", computed independently (Python's hmac module).
        let header = WebhookSignature.header(secret: Array("key".utf8), timestamp: 1, body: Array("{}".utf8))
        #expect(header == "t=1,v1=1ba6b8171186efc613e8bcc0cbdab2748f24984d7c5a84faa2637afa0e40d224")
    }

    @Test("retries wait twice as long each time, within their bounds and spread")
    func schedule() {
        let schedule = WebhookRetrySchedule(first: 10, maximum: 3_600)
        #expect(schedule.delay(afterAttempts: 1, spread: 0.5) == 10)
        #expect(schedule.delay(afterAttempts: 2, spread: 0.5) == 20)
        #expect(schedule.delay(afterAttempts: 4, spread: 0.5) == 80)
        #expect(schedule.delay(afterAttempts: 40, spread: 0.5) == 3_600)
        #expect(abs(schedule.delay(afterAttempts: 1, spread: 0) - 8) < 1e-9)
        #expect(abs(schedule.delay(afterAttempts: 1, spread: 1) - 12) < 1e-9)
    }

    /// Posts the test event to `/hook/a` of `server` under `policy`, signed now.
    func send(to server: HTTPTestServer, policy: FetchPolicy) async throws -> Int {
        try await WebhookPoster.send(
            .init(
                url: server.base + "/hook/a",
                eventID: "j1.complete",
                eventType: "job.complete",
                body: body,
                secret: secret
            ),
            policy: policy,
            timeoutSeconds: 5,
            timestamp: Int64(Date().timeIntervalSince1970)
        )
    }

    @Test("a post reaches a real server with its event id, type and a signature the receiver verifies")
    func post() async throws {
        let server = try HTTPTestServer()
        var policy = FetchPolicy()
        policy.allowHTTP = true
        policy.allowPrivateAddresses = true
        #expect(try await send(to: server, policy: policy) == 200)
        let hooks = server.folder.appendingPathComponent("hooks")
        let files = try FileManager.default.contentsOfDirectory(atPath: hooks.path).filter { $0.hasPrefix("a-") }
        #expect(files.count == 1)
        let record = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: hooks.appendingPathComponent(files[0])))
                as? [String: Any]
        )
        let headers = try #require(record["headers"] as? [String: String])
        #expect(headers["skillspool-event-id"] == "j1.complete")
        #expect(headers["skillspool-event-type"] == "job.complete")
        #expect(headers["content-type"] == "application/json")
        let received = Array((try #require(record["body"] as? String)).utf8)
        #expect(received == body)
        let signature = try #require(headers["skillspool-signature"])
        let now = Int64(Date().timeIntervalSince1970)
        #expect(WebhookSignature.verify(header: signature, secret: secret, body: received, now: now))

        // A failing receiver's status comes back to the caller, which retries.
        try Data("100".utf8).write(to: hooks.appendingPathComponent("FAIL_PERCENT"))
        #expect(try await send(to: server, policy: policy) == 503)
    }

    @Test("the tenant's network rules hold: no loopback unless allowed, https unless http is allowed")
    func refusedAddresses() async throws {
        let server = try HTTPTestServer()
        var policy = FetchPolicy()
        policy.allowHTTP = true
        await #expect(throws: WebhookError.self) { _ = try await send(to: server, policy: policy) }
        do {
            _ = try await send(to: server, policy: FetchPolicy())
            Issue.record("http:// was posted to without allowHTTP")
        } catch let error as WebhookError {
            #expect(error.code == .notAllowed)
            #expect(!error.isRetryable)
        }
        #expect(!FileManager.default.fileExists(atPath: server.folder.appendingPathComponent("hooks").path))
    }
}
