import FileSystem
import JSON
import Ledger
import SpoolConfig

extension TenantConfiguration {
    /// The webhook deliveries announcing that `report`'s job entered `report.status`: one per endpoint that wants
    /// the event, none when no endpoint does. Recorded by the ledger in the same transaction as the change.
    ///
    /// The body is the job's `status.json` at that moment with an `event` member first: `{id, type, createdAt}`,
    /// `type` being `job.<status>`.
    func webhookEvents(_ report: JobReport, at time: String = Timestamp.now()) -> [WebhookEventRecord] {
        guard let event = WebhookEndpoint.Event(rawValue: report.status.rawValue) else { return [] }
        let endpoints = webhooks.filter { $0.events.contains(event) }
        guard !endpoints.isEmpty else { return [] }
        let id = WebhookEventRecord.eventID(job: report.id, status: report.status)
        var members: [(String, JSONValue)] = [
            (
                "event",
                .object([
                    ("id", .string(id)), ("type", .string(Self.eventType(report.status))),
                    ("createdAt", .string(time)),
                ])
            )
        ]
        if case .object(let status) = report.json { members += status }
        let body = JSONWriter.serialize(.object(members))
        let now = Timestamp.epochMilliseconds()
        return endpoints.map { endpoint in
            WebhookEventRecord(
                eventID: id,
                tenant: name,
                jobID: report.id,
                event: report.status,
                endpoint: endpoint.url,
                body: body,
                createdAt: time,
                expiresMilliseconds: now + Int64(endpoint.giveUpSeconds * 1_000)
            )
        }
    }

    /// `job.created`, `job.complete`, …: the `type` of an event and its `Skillspool-Event-Type` header.
    static func eventType(_ status: JobStatus) -> String { "job.\(status.rawValue)" }
}
