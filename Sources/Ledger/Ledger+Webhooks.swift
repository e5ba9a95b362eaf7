import FileSystem

/// Webhook deliveries: the outbox of job events. Rows are inserted in the transaction that changes the job, so an
/// event exists exactly when its change does; a dispatcher claims due rows, posts them and records each attempt.
extension Ledger {
    /// Inserts `events`; an event already recorded for the same endpoint (a change replayed after a crash) is kept
    /// as it was.
    static func insert(_ events: [WebhookEventRecord], _ db: any SQLTransaction) throws {
        try insertRows(
            into: "webhook_deliveries",
            columns: [
                "event_id", "tenant", "job_id", "event", "endpoint", "body", "created_at", "expires_ms",
                "next_attempt_ms",
            ],
            events.map { event in
                [
                    event.eventID.sqlValue, event.tenant.sqlValue, event.jobID.sqlValue, event.event.sqlValue,
                    event.endpoint.sqlValue, event.body.sqlValue, event.createdAt.sqlValue,
                    event.expiresMilliseconds.sqlValue, Timestamp.epochMilliseconds().sqlValue,
                ]
            },
            db,
            onConflict: "ON CONFLICT (event_id, endpoint) DO NOTHING"
        )
    }

    /// Records events that no job change carries (a duplicate drop, which the ledger has no job for).
    public func recordWebhookEvents(_ events: [WebhookEventRecord]) throws {
        guard !events.isEmpty else { return }
        try recording(events) { db in try Self.insert(events, db) }
    }

    /// The columns a ``WebhookDelivery`` is read from.
    static let deliveryColumns = """
        id, event_id, tenant, job_id, event, endpoint, body, created_at, expires_ms AS expires_milliseconds, attempts,
        next_attempt_ms AS next_attempt_milliseconds, last_status, last_error, delivered_at, given_up_at
        """

    /// Claims up to `limit` pending deliveries of `tenants` that are due at `now` and not claimed by a live node,
    /// for `claimMilliseconds`; a node that dies holding a claim leaves it to others once that time is over.
    public func claimWebhookDeliveries(
        node: String,
        tenants: [String],
        limit: Int,
        claimMilliseconds: Int64,
        now: Int64 = Timestamp.epochMilliseconds()
    ) throws -> [WebhookDelivery] {
        guard !tenants.isEmpty, limit > 0 else { return [] }
        let names = tenants.map(\.sqlValue)
        let placeholders = Array(repeating: "?", count: names.count).joined(separator: ", ")
        return try write { db in
            let due = try db.rows(
                """
                SELECT \(Self.deliveryColumns) FROM webhook_deliveries
                WHERE delivered_at IS NULL AND given_up_at IS NULL AND next_attempt_ms <= ?
                  AND (claim_until_ms IS NULL OR claim_until_ms <= ?) AND tenant IN (\(placeholders))
                ORDER BY next_attempt_ms, id LIMIT ?
                """,
                [now.sqlValue, now.sqlValue] + names + [limit.sqlValue]
            ).map { try $0.decode(WebhookDelivery.self) }
            guard !due.isEmpty else { return [] }
            try db.execute(
                """
                UPDATE webhook_deliveries SET claimed_by = ?, claim_until_ms = ?
                WHERE id IN (\(Array(repeating: "?", count: due.count).joined(separator: ", ")))
                """,
                [node.sqlValue, (now + claimMilliseconds).sqlValue] + due.map(\.id.sqlValue)
            )
            return due
        }
    }

    /// Records one attempt: delivered, or retried at its time — given up instead when that time is past the
    /// delivery's give-up time.
    public func recordWebhookAttempt(
        _ id: Int64,
        _ outcome: WebhookAttemptOutcome,
        at time: String = Timestamp.now()
    )
        throws
    {
        _ = try change { db in
            switch outcome {
            case .delivered(let status):
                try db.execute(
                    """
                    UPDATE webhook_deliveries SET attempts = attempts + 1, last_status = ?, last_error = NULL,
                        delivered_at = ?, given_up_at = NULL, claimed_by = NULL, claim_until_ms = NULL
                    WHERE id = ?
                    """,
                    status,
                    time,
                    id
                )
            case .failed(let status, let error, let retryAt):
                try db.execute(
                    """
                    UPDATE webhook_deliveries SET attempts = attempts + 1, last_status = ?, last_error = ?,
                        next_attempt_ms = ?, claimed_by = NULL, claim_until_ms = NULL,
                        given_up_at = CASE WHEN ? > expires_ms THEN ? ELSE NULL END
                    WHERE id = ? AND delivered_at IS NULL
                    """,
                    status,
                    String(error.prefix(500)),
                    retryAt,
                    retryAt,
                    time,
                    id
                )
            }
        }
    }

    /// When the next pending delivery falls due (its retry time, or the end of another node's claim on it), in
    /// wall-clock milliseconds; nil when nothing is pending.
    public func nextWebhookDue(tenants: [String]) throws -> Int64? {
        guard !tenants.isEmpty else { return nil }
        let placeholders = Array(repeating: "?", count: tenants.count).joined(separator: ", ")
        return try query { db in
            try db.rows(
                """
                SELECT MIN(CASE WHEN claim_until_ms > next_attempt_ms THEN claim_until_ms ELSE next_attempt_ms END)
                FROM webhook_deliveries
                WHERE delivered_at IS NULL AND given_up_at IS NULL AND tenant IN (\(placeholders))
                """,
                tenants.map(\.sqlValue)
            ).first?[0].integer
        }
    }

    /// Deliveries, newest first: of one tenant or all, in one state or all.
    public func webhookDeliveries(
        tenant: String? = nil,
        state: WebhookDeliveryState? = nil,
        job: String? = nil,
        limit: Int = 100
    ) throws -> [WebhookDelivery] {
        let (equalities, arguments) = Self.equalities([("tenant", tenant), ("job_id", job)])
        var conditions = equalities
        switch state {
        case .pending?: conditions.append("delivered_at IS NULL AND given_up_at IS NULL")
        case .delivered?: conditions.append("delivered_at IS NOT NULL")
        case .givenUp?: conditions.append("given_up_at IS NOT NULL")
        case nil: break
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try query { db in
            try db.rows(
                "SELECT \(Self.deliveryColumns) FROM webhook_deliveries \(filter) ORDER BY id DESC LIMIT ?",
                arguments + [limit.sqlValue]
            ).map { try $0.decode(WebhookDelivery.self) }
        }
    }

    /// `column = ?` conditions for the columns given a value, and their arguments.
    static func equalities(_ columns: [(String, String?)]) -> (conditions: [String], arguments: [SQLValue]) {
        let given = columns.compactMap { column, value in value.map { (column, $0) } }
        return (given.map { "\($0.0) = ?" }, given.map { $0.1.sqlValue })
    }

    /// Pending deliveries per tenant (the metrics' backlog gauge).
    public func pendingWebhookCounts() throws -> [String: Int] {
        try query { db in
            var counts: [String: Int] = [:]
            try db.forEachRow(
                """
                SELECT tenant, COUNT(*) FROM webhook_deliveries
                WHERE delivered_at IS NULL AND given_up_at IS NULL GROUP BY tenant
                """,
                []
            ) { row in
                if let tenant = row[0].text, let count = row[1].integer { counts[tenant] = Int(count) }
            }
            return counts
        }
    }

    /// Makes given-up deliveries pending again, due at once, with `extraMilliseconds` more before they are given up
    /// again: one event (for every endpoint), or every given-up one of a tenant (or of all). Returns how many.
    public func retryWebhookDeliveries(
        eventID: String? = nil,
        tenant: String? = nil,
        extraMilliseconds: Int64,
        now: Int64 = Timestamp.epochMilliseconds()
    ) throws -> Int {
        let (equalities, values) = Self.equalities([("event_id", eventID), ("tenant", tenant)])
        let conditions = ["given_up_at IS NOT NULL"] + equalities
        let arguments = [now.sqlValue, (now + extraMilliseconds).sqlValue] + values
        return try change { db in
            try db.execute(
                """
                UPDATE webhook_deliveries SET given_up_at = NULL, next_attempt_ms = ?, expires_ms = ?,
                    claimed_by = NULL, claim_until_ms = NULL
                WHERE \(conditions.joined(separator: " AND "))
                """,
                arguments
            )
        }
    }
}

extension Ledger {
    /// Releases the claims `node` holds: at its start, the claims of its previous life, which no one else would
    /// take before they run out.
    public func releaseWebhookClaims(node: String) throws {
        _ = try change { db in
            try db.execute(
                """
                UPDATE webhook_deliveries SET claimed_by = NULL, claim_until_ms = NULL
                WHERE claimed_by = ? AND delivered_at IS NULL AND given_up_at IS NULL
                """,
                node
            )
        }
    }
}
