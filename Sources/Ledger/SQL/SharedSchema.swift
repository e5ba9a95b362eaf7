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
}
