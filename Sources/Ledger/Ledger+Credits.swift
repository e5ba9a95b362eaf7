import FileSystem

extension Ledger {
    private func existing(_ db: any SQLTransaction, key: String) throws -> CreditEntry? {
        try db.fetchOne(CreditEntry.self, "SELECT * FROM credit_entries WHERE idempotency_key = ?", key)
    }

    private func insert(
        _ db: any SQLTransaction,
        tenant: String,
        job: String?,
        kind: CreditKind,
        credits: Int,
        key: String,
        at time: String
    ) throws -> CreditEntry {
        let id = try db.value(
            Int64.self,
            """
            INSERT INTO credit_entries (tenant, job_id, kind, credits, idempotency_key, created_at)
            VALUES (?, ?, ?, ?, ?, ?) RETURNING id
            """,
            tenant,
            job,
            kind,
            credits,
            key,
            time
        )
        guard let id else { throw LedgerError(.database, "the credit entry '\(key)' was not inserted") }
        return CreditEntry(
            id: id,
            tenant: tenant,
            jobID: job,
            kind: kind,
            credits: credits,
            idempotencyKey: key,
            createdAt: time
        )
    }

    /// The idempotency key of a job's reservation.
    public static func reserveKey(job: String) -> String { "job:\(job):reserve" }
    /// The idempotency key shared by a job's settle and refund: a job closes exactly once.
    public static func closeKey(job: String) -> String { "job:\(job):close" }

    /// Reserves `credits` for a job when it is accepted.
    ///
    /// Replaying the same reservation returns the recorded entry. The balance check and the insert happen in one
    /// `BEGIN IMMEDIATE` transaction, so two processes cannot both spend the last credits.
    /// - Throws: `ERR::BILLING::INSUFFICIENT_CREDITS` (nothing reserved) when the balance cannot cover it.
    @discardableResult
    public func reserve(
        job: String,
        credits: Int,
        allowance: Int,
        at time: String = Timestamp.now()
    ) throws -> CreditEntry {
        guard credits >= 0 else { throw LedgerError(.invalidArgument, "credits must not be negative") }
        return try write { db in
            let key = Self.reserveKey(job: job)
            if let recorded = try existing(db, key: key) {
                guard recorded.credits == credits else {
                    throw LedgerError(.idempotencyConflict, "job '\(job)' already reserved \(recorded.credits) credits")
                }
                return recorded
            }
            guard let tenant = try db.value(String.self, "SELECT tenant FROM jobs WHERE id = ?", job) else {
                throw LedgerError(.unknownJob, "no job '\(job)'")
            }
            let balance = try Self.balance(db, tenant: tenant, allowance: allowance, month: Timestamp.month(of: time))
            guard credits <= balance.available else {
                throw LedgerError(
                    .insufficientCredits,
                    "job '\(job)' needs \(credits) credits, \(balance.available) available"
                )
            }
            return try insert(db, tenant: tenant, job: job, kind: .reserve, credits: credits, key: key, at: time)
        }
    }

    /// Settles a job: charges the pages actually converted (at most the reservation).
    @discardableResult
    public func settle(job: String, credits: Int, at time: String = Timestamp.now()) throws -> CreditEntry {
        try close(job: job, kind: .settle, credits: credits, at: time)
    }

    /// Refunds a failed job's whole reservation: nothing is charged.
    @discardableResult
    public func refund(job: String, at time: String = Timestamp.now()) throws -> CreditEntry {
        try close(job: job, kind: .refund, credits: nil, at: time)
    }

    private func close(job: String, kind: CreditKind, credits: Int?, at time: String) throws -> CreditEntry {
        try write { db in try closeReservation(db, job: job, kind: kind, credits: credits, at: time) }
    }

    /// Closes a job's reservation inside the caller's transaction (see ``close(job:kind:credits:at:)``).
    func closeReservation(
        _ db: any SQLTransaction,
        job: String,
        kind: CreditKind,
        credits: Int?,
        at time: String
    ) throws -> CreditEntry {
        guard let reservation = try existing(db, key: Self.reserveKey(job: job)) else {
            throw LedgerError(.noReservation, "job '\(job)' has no reservation to \(kind.rawValue)")
        }
        let amount = credits ?? reservation.credits
        guard amount >= 0 else { throw LedgerError(.invalidArgument, "credits must not be negative") }
        let key = Self.closeKey(job: job)
        if let recorded = try existing(db, key: key) {
            // Replaying the same close is a no-op; a different one is refused.
            guard recorded.kind == kind, recorded.credits == amount else {
                throw LedgerError(
                    .idempotencyConflict,
                    "job '\(job)' was already closed with \(recorded.kind.rawValue) \(recorded.credits)"
                )
            }
            return recorded
        }
        guard amount <= reservation.credits else {
            throw LedgerError(
                .settleExceedsReserve,
                "job '\(job)': settle of \(amount) exceeds the reservation of \(reservation.credits)"
            )
        }
        return try insert(db, tenant: reservation.tenant, job: job, kind: kind, credits: amount, key: key, at: time)
    }

    /// Adds purchased credits; `reference` (an order number) makes a replay a no-op.
    @discardableResult
    public func topUp(
        tenant: String,
        credits: Int,
        reference: String,
        at time: String = Timestamp.now()
    ) throws
        -> CreditEntry
    {
        guard credits > 0 else { throw LedgerError(.invalidArgument, "a top-up must add credits") }
        return try write { db in
            let key = "topup:\(tenant):\(reference)"
            if let recorded = try existing(db, key: key) {
                guard recorded.credits == credits else {
                    throw LedgerError(
                        .idempotencyConflict,
                        "top-up '\(reference)' was recorded with \(recorded.credits)"
                    )
                }
                return recorded
            }
            try db.execute("INSERT INTO tenants (name, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING", tenant, time)
            return try insert(db, tenant: tenant, job: nil, kind: .topup, credits: credits, key: key, at: time)
        }
    }

    /// The tenant's balance for `month` (`YYYY-MM`), derived from the entries.
    public func balance(
        tenant: String,
        allowance: Int,
        month: String = Timestamp.month(of: Timestamp.now())
    ) throws
        -> Balance
    {
        guard Timestamp.isMonth(month) else { throw LedgerError(.invalidArgument, "'\(month)' is not a YYYY-MM month") }
        return try read { db in try Self.balance(db, tenant: tenant, allowance: allowance, month: month) }
    }

    /// Subscription first, then purchased: every month's use beyond the allowance drains the top-ups.
    static func balance(_ db: any SQLTransaction, tenant: String, allowance: Int, month: String) throws -> Balance {
        var settledByMonth: [String: Int] = [:]
        var heldByMonth: [String: Int] = [:]
        var topups = 0
        let sums = try db.fetchAll(
            MonthlySum.self,
            """
            SELECT substr(created_at, 1, 7) AS month, kind, CAST(SUM(credits) AS BIGINT) AS credits
            FROM credit_entries
            WHERE tenant = ? AND kind IN ('settle', 'topup') AND created_at < ?
            GROUP BY 1, 2
            """,
            tenant,
            month + "-32"
        )
        for sum in sums {
            if sum.kind == .topup {
                topups += sum.credits
            } else {
                settledByMonth[sum.month, default: 0] += sum.credits
            }
        }
        let held = try db.fetchAll(
            MonthlySum.self,
            """
            SELECT substr(r.created_at, 1, 7) AS month, 'reserve' AS kind, CAST(SUM(r.credits) AS BIGINT) AS credits
            FROM credit_entries r
            WHERE r.tenant = ? AND r.kind = 'reserve' AND r.created_at < ?
              AND NOT EXISTS (SELECT 1 FROM credit_entries c
                              WHERE c.job_id = r.job_id AND c.kind IN ('settle', 'refund'))
            GROUP BY 1
            """,
            tenant,
            month + "-32"
        )
        for sum in held { heldByMonth[sum.month, default: 0] += sum.credits }
        var purchasedUsed = 0
        for entryMonth in Set(settledByMonth.keys).union(heldByMonth.keys) {
            let used = (settledByMonth[entryMonth] ?? 0) + (heldByMonth[entryMonth] ?? 0)
            purchasedUsed += max(0, used - allowance)
        }
        let settled = settledByMonth[month] ?? 0
        let heldNow = heldByMonth[month] ?? 0
        return Balance(
            month: month,
            allowance: allowance,
            settled: settled,
            held: heldNow,
            subscriptionRemaining: max(0, allowance - settled - heldNow),
            purchasedRemaining: topups - purchasedUsed
        )
    }

    /// Every entry of a job, oldest first.
    public func creditEntries(job: String) throws -> [CreditEntry] {
        try query { db in
            try db.fetchAll(CreditEntry.self, "SELECT * FROM credit_entries WHERE job_id = ? ORDER BY id", job)
        }
    }
}

/// Credits of one kind summed over one month (`YYYY-MM`) of a tenant.
struct MonthlySum: Decodable {
    var month: String
    var kind: CreditKind
    var credits: Int
}
