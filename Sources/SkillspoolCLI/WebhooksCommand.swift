import ArgumentParser
import ConvertCLI
import JSON
import Ledger

/// `skillspool webhooks list|retry`: the webhook deliveries the ledger holds, and sending given-up ones again.
struct WebhooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhooks",
        abstract: "List webhook deliveries and send given-up ones again.",
        subcommands: [List.self, Retry.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List webhook deliveries, newest first.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this tenant's deliveries.") var tenant: String?
        @Option(help: "Only this job's deliveries.") var job: String?
        @Option(help: "Only deliveries in this state: pending, delivered or given-up.") var state: WebhookDeliveryState?
        @Option(help: "At most this many.") var limit = 100
        @Flag(help: "Print JSON (with each event's body) instead of a table.") var json = false

        func run() throws {
            try CommandErrors.run {
                let deliveries = try global.openLedger().webhookDeliveries(
                    tenant: tenant,
                    state: state,
                    job: job,
                    limit: limit
                )
                if json {
                    StandardStreams.writeOut(
                        JSONWriter.serialize(.array(deliveries.map(Self.json)), pretty: true) + "\n"
                    )
                    return
                }
                var table = TextTable(
                    header: ["EVENT", "TENANT", "ENDPOINT", "STATE", "ATTEMPTS", "LAST", "CREATED"],
                    numericColumns: [4]
                )
                table.rows = deliveries.map {
                    [
                        $0.eventID, $0.tenant, $0.endpoint, $0.state.rawValue, "\($0.attempts)",
                        $0.lastError ?? $0.lastStatus.map { "HTTP \($0)" } ?? "-", $0.createdAt,
                    ]
                }
                StandardStreams.writeOut(table.render())
            }
        }

        static func json(_ delivery: WebhookDelivery) -> JSONValue {
            let body = (try? JSONParser.parse(Array(delivery.body.utf8))) ?? .string(delivery.body)
            return .object([
                ("event", .string(delivery.eventID)), ("tenant", .string(delivery.tenant)),
                ("job", .string(delivery.jobID)), ("type", .string("job.\(delivery.event.rawValue)")),
                ("endpoint", .string(delivery.endpoint)), ("state", .string(delivery.state.rawValue)),
                ("attempts", .int(delivery.attempts)), ("lastStatus", delivery.lastStatus.map { .int($0) } ?? .null),
                ("lastError", delivery.lastError.map { .string($0) } ?? .null),
                ("createdAt", .string(delivery.createdAt)),
                ("deliveredAt", delivery.deliveredAt.map { .string($0) } ?? .null),
                ("givenUpAt", delivery.givenUpAt.map { .string($0) } ?? .null), ("body", body),
            ])
        }
    }

    struct Retry: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send given-up deliveries again: one event, or all of a tenant (or of every tenant).",
            discussion: "The running daemon picks them up at its next periodic look (rescanSeconds, 60 s by default)."
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The event id (`JOB.STATUS`, as `webhooks list` shows it).") var event: String?
        @Option(help: "Every given-up delivery of this tenant.") var tenant: String?
        @Flag(help: "Every given-up delivery of every tenant.") var all = false
        @Option(help: "Hours of retries before the deliveries are given up again.") var hours = 24.0

        func validate() throws {
            guard event != nil || tenant != nil || all else {
                throw ValidationError("name an event, a --tenant, or --all")
            }
            guard hours > 0 else { throw ValidationError("--hours must be positive") }
        }

        func run() throws {
            try CommandErrors.run {
                let count = try global.openLedger().retryWebhookDeliveries(
                    eventID: event,
                    tenant: tenant,
                    extraMilliseconds: Int64(hours * 3_600_000)
                )
                guard count > 0 || event == nil else {
                    throw LedgerError(.invalidArgument, "no given-up delivery of event '\(event ?? "")'")
                }
                StandardStreams.writeOut("\(count) deliver\(count == 1 ? "y" : "ies") pending again\n")
            }
        }
    }
}

extension WebhookDeliveryState: ExpressibleByArgument {}
