/// Schema text both engines run unchanged.
enum SharedSchema {
    /// Fills `credit_months` from the credit entries (v5 on a ledger with history; `ledger verify` compares the
    /// table with this computation). Shared by both engines.
    static let creditMonthsFill = """
        INSERT INTO credit_months (tenant, month, settled, held, topups)
        \(creditMonthsComputed)
        """

    /// Per tenant and month: settled credits, credits held by open reservations, purchased credits.
    static let creditMonthsComputed = """
        SELECT tenant, month, CAST(SUM(settled) AS BIGINT) AS settled, CAST(SUM(held) AS BIGINT) AS held,
               CAST(SUM(topups) AS BIGINT) AS topups FROM (
            SELECT tenant, substr(created_at, 1, 7) AS month,
                   CASE WHEN kind = 'settle' THEN credits ELSE 0 END AS settled, 0 AS held,
                   CASE WHEN kind = 'topup' THEN credits ELSE 0 END AS topups
            FROM credit_entries WHERE kind IN ('settle', 'topup')
            UNION ALL
            SELECT r.tenant, substr(r.created_at, 1, 7), 0, r.credits, 0 FROM credit_entries r
            WHERE r.kind = 'reserve' AND NOT EXISTS (SELECT 1 FROM credit_entries c
                                                     WHERE c.job_id = r.job_id AND c.kind IN ('settle', 'refund'))
        ) AS entries GROUP BY tenant, month
        """

    /// v6: one row per webhook event and endpoint, inserted with the job change it reports. `next_attempt_ms` and
    /// `claim_until_ms` are wall-clock milliseconds; a row is pending until `delivered_at` or `given_up_at` is set.
    /// `job_id` references no job: a duplicate drop is announced under its own id, which only the outbox knows.
    static func webhookDeliveries(id: String, text: String) -> String {
        """
        CREATE TABLE webhook_deliveries (
            id \(id),
            event_id \(text) NOT NULL,
            tenant \(text) NOT NULL REFERENCES tenants(name),
            job_id \(text) NOT NULL,
            event \(text) NOT NULL CHECK (event IN ('created','processing','review','complete','failed')),
            endpoint \(text) NOT NULL,
            body \(text) NOT NULL,
            created_at \(text) NOT NULL,
            expires_ms BIGINT NOT NULL,
            attempts BIGINT NOT NULL DEFAULT 0,
            next_attempt_ms BIGINT NOT NULL,
            claimed_by \(text),
            claim_until_ms BIGINT,
            last_status BIGINT,
            last_error \(text),
            delivered_at \(text),
            given_up_at \(text),
            UNIQUE (event_id, endpoint)
        )
        """
    }

    /// Pending deliveries by due time: what the dispatcher claims.
    static let webhookDeliveriesDue = """
        CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_ms)
        WHERE delivered_at IS NULL AND given_up_at IS NULL
        """

    static let webhookDeliveriesByJob = "CREATE INDEX webhook_deliveries_by_job ON webhook_deliveries(job_id)"

    /// v7: cases — a tenant's matters, the jobs that belong to each, and what happened to each case (created,
    /// a document added, a version of the case skill published, archived, reopened). Nothing is ever deleted.
    static func cases(id: String, text: String) -> [String] {
        [
            """
            CREATE TABLE cases (
                id \(id),
                tenant \(text) NOT NULL REFERENCES tenants(name),
                slug \(text) NOT NULL,
                name \(text) NOT NULL,
                claim_number \(text),
                created_at \(text) NOT NULL,
                archived_at \(text),
                version \(text),
                documents BIGINT NOT NULL DEFAULT 0,
                UNIQUE (tenant, slug)
            )
            """,
            "CREATE UNIQUE INDEX cases_by_claim_number ON cases(tenant, claim_number) WHERE claim_number IS NOT NULL",
            """
            CREATE TABLE case_jobs (
                job_id \(text) PRIMARY KEY NOT NULL REFERENCES jobs(id),
                tenant \(text) NOT NULL,
                slug \(text) NOT NULL,
                added_at \(text) NOT NULL,
                folded_at \(text),
                version \(text)
            )
            """,
            "CREATE INDEX case_jobs_by_case ON case_jobs(tenant, slug, folded_at)",
            """
            CREATE TABLE case_events (
                id \(id),
                tenant \(text) NOT NULL,
                slug \(text) NOT NULL,
                event \(text) NOT NULL CHECK (event IN ('created','document','published','archived','reopened')),
                job_id \(text),
                version \(text),
                detail \(text),
                at \(text) NOT NULL
            )
            """,
            "CREATE INDEX case_events_by_case ON case_events(tenant, slug, id)",
        ]
    }
}
