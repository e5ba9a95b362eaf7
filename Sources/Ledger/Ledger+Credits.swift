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
            let month = Timestamp.month(of: time)
            // The job's tenant, whether the reservation exists already and the tenant's credit months: one round
            // trip (a job without any credit months yet still gives one row, its columns null).
            struct Lookup: Decodable {
                var tenant: String
                var recorded: Int64?
                var month: String?
                var settled: Int?
                var held: Int?
                var topups: Int?
            }
            let rows = try db.fetchAll(
                Lookup.self,
                """
                SELECT j.tenant AS tenant, (SELECT id FROM credit_entries WHERE idempotency_key = ?) AS recorded,
                       m.month AS month, m.settled AS settled, m.held AS held, m.topups AS topups
                FROM jobs j LEFT JOIN credit_months m ON m.tenant = j.tenant AND m.month <= ?
                WHERE j.id = ?
                """,
                key,
                month,
                job
            )
            guard let lookup = rows.first else { throw LedgerError(.unknownJob, "no job '\(job)'") }
            if lookup.recorded != nil, let recorded = try existing(db, key: key) {
                guard recorded.credits == credits else {
                    throw LedgerError(.idempotencyConflict, "job '\(job)' already reserved \(recorded.credits) credits")
                }
                return recorded
            }
            let months = rows.compactMap { row in
                row.month.map { name in
                    CreditMonth(month: name, settled: row.settled ?? 0, held: row.held ?? 0, topups: row.topups ?? 0)
                }
            }
            let balance = Self.balance(months, allowance: allowance, month: month)
            guard credits <= balance.available else {
                throw LedgerError(
                    .insufficientCredits,
                    "job '\(job)' needs \(credits) credits, \(balance.available) available"
                )
            }
            return try insert(db, tenant: lookup.tenant, job: job, kind: .reserve, credits: credits, key: key, at: time)
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

    /// A job's reservation and the entry that closed it, if any: what a close needs, in one round trip.
    struct ReservationState {
        var reservation: CreditEntry?
        var close: CreditEntry?
    }

    func reservationState(_ db: any SQLTransaction, job: String) throws -> ReservationState {
        let entries = try db.fetchAll(
            CreditEntry.self,
            "SELECT * FROM credit_entries WHERE idempotency_key IN (?, ?)",
            Self.reserveKey(job: job),
            Self.closeKey(job: job)
        )
        return ReservationState(
            reservation: entries.first { $0.kind == .reserve },
            close: entries.first { $0.kind != .reserve }
        )
    }

    /// Closes a job's reservation inside the caller's transaction (see ``close(job:kind:credits:at:)``).
    func closeReservation(
        _ db: any SQLTransaction,
        job: String,
        kind: CreditKind,
        credits: Int?,
        at time: String,
        state known: ReservationState? = nil
    ) throws -> CreditEntry {
        let state = try known ?? reservationState(db, job: job)
        guard let reservation = state.reservation else {
            throw LedgerError(.noReservation, "job '\(job)' has no reservation to \(kind.rawValue)")
        }
        let amount = credits ?? reservation.credits
        guard amount >= 0 else { throw LedgerError(.invalidArgument, "credits must not be negative") }
        if let recorded = state.close {
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
        let key = Self.closeKey(job: job)
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
    ///
    /// Reads the tenant's rows of `credit_months` (a few per month of history), which a trigger keeps in step with
    /// the credit entries.
    static func balance(_ db: any SQLTransaction, tenant: String, allowance: Int, month: String) throws -> Balance {
        let months = try db.fetchAll(
            CreditMonth.self,
            "SELECT month, settled, held, topups FROM credit_months WHERE tenant = ? AND month <= ?",
            tenant,
            month
        )
        return balance(months, allowance: allowance, month: month)
    }

    /// The balance of `month` from a tenant's credit months up to it.
    static func balance(_ months: [CreditMonth], allowance: Int, month: String) -> Balance {
        var topups = 0
        var purchasedUsed = 0
        var current = CreditMonth(month: month, settled: 0, held: 0, topups: 0)
        for entry in months {
            topups += entry.topups
            purchasedUsed += max(0, entry.settled + entry.held - allowance)
            if entry.month == month { current = entry }
        }
        return Balance(
            month: month,
            allowance: allowance,
            settled: current.settled,
            held: current.held,
            subscriptionRemaining: max(0, allowance - current.settled - current.held),
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

/// A tenant's credits of one month (`YYYY-MM`): settled, held by open reservations, purchased.
struct CreditMonth: Decodable, Equatable {
    var month: String
    var settled: Int
    var held: Int
    var topups: Int
}
