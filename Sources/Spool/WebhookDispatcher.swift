import Fetch
import FileSystem
import Ledger
import Logging
import SpoolConfig
import Synchronization
import Webhooks

/// Delivers the webhook events the ledger holds: at least once, whatever crashes in between.
///
/// Events are rows the ledger wrote with the job change they report. The dispatcher wakes when a transaction
/// recorded some (the ledger tells it), when the earliest retry falls due, and at least every `rescanSeconds` (the
/// daemon's periodic look: for retries an operator asked for from another process, and rows of tenants this node
/// took over); it claims due rows for a
/// while, posts them with at most `concurrency` in flight, and records each attempt: delivered, retried after a
/// doubling wait, or given up past the endpoint's give-up time. A post that reached the endpoint but whose outcome a
/// crash kept from the ledger is posted again after the restart, with the same event id.
final class WebhookDispatcher: Sendable {
    let ledger: Ledger
    /// The name claims are recorded under (the node's, or the host's when the daemon is alone).
    let node: String
    let settings: SpoolConfiguration.WebhookSettings
    /// The configurations of the tenants this node serves now.
    let tenants: @Sendable () -> [String: TenantConfiguration]
    let metrics: SpoolMetrics
    let logger: Logger
    /// Called after a batch of attempts (the daemon rewrites its metrics).
    let attempted: @Sendable () -> Void

    private let doorbell: AsyncStream<Void>
    private let ringer: AsyncStream<Void>.Continuation
    private let timer = Mutex<Task<Void, Never>?>(nil)
    /// The longest the dispatcher sleeps without a ring.
    let longestWaitSeconds: Double

    init(
        ledger: Ledger,
        node: String,
        settings: SpoolConfiguration.WebhookSettings,
        longestWaitSeconds: Double,
        tenants: @escaping @Sendable () -> [String: TenantConfiguration],
        metrics: SpoolMetrics,
        logger: Logger,
        attempted: @escaping @Sendable () -> Void = {}
    ) {
        self.attempted = attempted
        self.ledger = ledger
        self.node = node
        self.settings = settings
        self.longestWaitSeconds = longestWaitSeconds
        self.tenants = tenants
        self.metrics = metrics
        self.logger = logger
        (doorbell, ringer) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        ledger.observeWebhookEvents { [ringer] in ringer.yield() }
    }

    /// Delivers until the task is cancelled. Claims this node left behind (a crash, a kill) are released first.
    func run() async {
        do { try ledger.releaseWebhookClaims(node: node) } catch {
            logger.error("cannot release this node's webhook claims", metadata: ["error": "\(error)"])
        }
        ringer.yield()
        for await _ in doorbell {
            await deliverDue()
            if Task.isCancelled { break }
            arm()
        }
        timer.withLock { $0?.cancel() }
    }

    /// Delivers every due event, a claimed batch at a time, until none is due.
    func deliverDue() async {
        while !Task.isCancelled {
            let configurations = tenants()
            let batch: [WebhookDelivery]
            do {
                batch = try ledger.claimWebhookDeliveries(
                    node: node,
                    tenants: configurations.keys.sorted(),
                    limit: settings.concurrency * 4,
                    claimMilliseconds: Int64((settings.timeoutSeconds * 2 + 30) * 1_000)
                )
            } catch {
                logger.error("cannot claim webhook deliveries", metadata: ["error": "\(error)"])
                return
            }
            if batch.isEmpty { return }
            await withTaskGroup(of: Void.self) { group in
                var inFlight = 0
                for delivery in batch {
                    if inFlight == settings.concurrency {
                        await group.next()
                        inFlight -= 1
                    }
                    group.addTask { await self.attempt(delivery, tenant: configurations[delivery.tenant]) }
                    inFlight += 1
                }
            }
            attempted()
        }
    }

    /// Posts one delivery and records how it went.
    func attempt(_ delivery: WebhookDelivery, tenant: TenantConfiguration?) async {
        var status: Int?
        let outcome: WebhookAttemptOutcome
        do {
            guard let tenant, let endpoint = tenant.webhooks.first(where: { $0.url == delivery.endpoint }) else {
                throw WebhookError(
                    .endpointRemoved,
                    "the tenant's configuration no longer names \(delivery.endpoint)",
                    retryable: false
                )
            }
            let secret: [UInt8]
            do { secret = try endpoint.secret() } catch {
                throw WebhookError(.secret, "\(error)", retryable: true, cause: error)
            }
            let answered = try await WebhookPoster.send(
                WebhookPoster.Post(
                    url: endpoint.url,
                    eventID: delivery.eventID,
                    eventType: TenantConfiguration.eventType(delivery.event),
                    body: Array(delivery.body.utf8),
                    secret: secret
                ),
                policy: tenant.fetchPolicy,
                timeoutSeconds: settings.timeoutSeconds,
                timestamp: Timestamp.epochMilliseconds() / 1_000
            )
            status = answered
            guard (200..<300).contains(answered) else {
                throw WebhookError(.httpStatus, "\(endpoint.url) answered HTTP \(answered)", retryable: true)
            }
            outcome = .delivered(status: answered)
        } catch {
            let coded = error as? WebhookError ?? WebhookError(.connection, "\(error)", retryable: true, cause: error)
            let schedule = WebhookRetrySchedule(first: settings.firstRetrySeconds, maximum: settings.maxRetrySeconds)
            let wait = schedule.delay(afterAttempts: delivery.attempts + 1, spread: Double.random(in: 0...1))
            // A refusal that cannot heal (an address the tenant's rules forbid, a removed endpoint) gives up now.
            let retryAt =
                coded.isRetryable
                ? Timestamp.epochMilliseconds() + Int64(wait * 1_000) : delivery.expiresMilliseconds + 1
            outcome = .failed(status: status, error: "\(coded.code.rawValue): \(coded.message)", retryAt: retryAt)
        }
        do {
            try ledger.recordWebhookAttempt(delivery.id, outcome)
        } catch {
            // The claim runs out and the delivery is tried again: at least once, never lost.
            logger.error(
                "cannot record a webhook attempt",
                metadata: ["event": "\(delivery.eventID)", "error": "\(error)"]
            )
            return
        }
        guard case .failed(_, let error, let retryAt) = outcome else {
            metrics.webhookAttempt(delivery.tenant, outcome: .delivered)
            return
        }
        if retryAt > delivery.expiresMilliseconds {
            metrics.webhookAttempt(delivery.tenant, outcome: .givenUp)
            logger.warning(
                "webhook given up",
                metadata: [
                    "tenant": "\(delivery.tenant)", "event": "\(delivery.eventID)", "endpoint": "\(delivery.endpoint)",
                    "attempts": "\(delivery.attempts + 1)", "error": "\(error)",
                ]
            )
        } else {
            metrics.webhookAttempt(delivery.tenant, outcome: .failed)
            logger.debug(
                "webhook attempt failed; tried again later",
                metadata: ["event": "\(delivery.eventID)", "endpoint": "\(delivery.endpoint)", "error": "\(error)"]
            )
        }
    }

    /// Rings the doorbell when the earliest pending delivery falls due, or after `longestWaitSeconds`.
    private func arm() {
        let now = Timestamp.epochMilliseconds()
        let due = (try? ledger.nextWebhookDue(tenants: tenants().keys.sorted())) ?? nil
        let seconds = min(longestWaitSeconds, max(0.01, Double((due ?? Int64.max / 2) - now) / 1_000))
        let task = Task { [ringer] in
            do { try await Task.sleep(for: .milliseconds(Int(seconds * 1_000))) } catch { return }
            ringer.yield()
        }
        timer.withLock { previous in
            previous?.cancel()
            previous = task
        }
    }
}
