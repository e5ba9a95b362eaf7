import GRDB

/// The SQLite ledger's migrations. A shipped migration is never edited: changes come as new ones (and their
/// PostgreSQL twins in ``PostgresSchema``).
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE tenants (
                        name TEXT PRIMARY KEY NOT NULL,
                        created_at TEXT NOT NULL
                    );
                    CREATE TABLE jobs (
                        id TEXT PRIMARY KEY NOT NULL,
                        tenant TEXT NOT NULL REFERENCES tenants(name),
                        reference TEXT,
                        manifest_sha256 TEXT,
                        status TEXT NOT NULL CHECK (status IN ('created','processing','complete','failed','review')),
                        current_stage TEXT,
                        error_code TEXT,
                        created_at TEXT NOT NULL,
                        started_at TEXT,
                        completed_at TEXT
                    );
                    CREATE INDEX jobs_by_tenant ON jobs(tenant, created_at);
                    CREATE INDEX jobs_by_status ON jobs(status, created_at);
                    CREATE INDEX jobs_by_created ON jobs(created_at);
                    CREATE TABLE job_events (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        job_id TEXT NOT NULL REFERENCES jobs(id),
                        status TEXT NOT NULL,
                        stage TEXT,
                        at TEXT NOT NULL
                    );
                    CREATE INDEX job_events_by_job ON job_events(job_id, id);
                    CREATE TABLE documents (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        job_id TEXT NOT NULL REFERENCES jobs(id),
                        file_name TEXT NOT NULL,
                        sha256 TEXT NOT NULL,
                        bytes INTEGER NOT NULL,
                        pages INTEGER NOT NULL,
                        size_tier TEXT,
                        document_type TEXT,
                        category TEXT,
                        status TEXT NOT NULL
                    );
                    CREATE INDEX documents_by_job ON documents(job_id);
                    CREATE TABLE outputs (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        job_id TEXT NOT NULL REFERENCES jobs(id),
                        format TEXT NOT NULL,
                        path TEXT NOT NULL,
                        bytes INTEGER NOT NULL,
                        sha256 TEXT NOT NULL,
                        UNIQUE (job_id, path)
                    );
                    CREATE TABLE qa_scores (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        job_id TEXT NOT NULL REFERENCES jobs(id),
                        skill TEXT NOT NULL,
                        agent TEXT NOT NULL,
                        score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
                        passed INTEGER NOT NULL,
                        UNIQUE (job_id, skill, agent)
                    );
                    CREATE TABLE credit_entries (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        tenant TEXT NOT NULL REFERENCES tenants(name),
                        job_id TEXT REFERENCES jobs(id),
                        kind TEXT NOT NULL CHECK (kind IN ('reserve','settle','refund','topup')),
                        credits INTEGER NOT NULL CHECK (credits >= 0),
                        idempotency_key TEXT NOT NULL UNIQUE,
                        created_at TEXT NOT NULL
                    );
                    CREATE INDEX credit_entries_by_tenant ON credit_entries(tenant, created_at);
                    CREATE INDEX credit_entries_by_job ON credit_entries(job_id);
                    CREATE TRIGGER credit_entries_no_update BEFORE UPDATE ON credit_entries
                    BEGIN SELECT RAISE(ABORT, 'credit_entries is append-only'); END;
                    CREATE TRIGGER credit_entries_no_delete BEFORE DELETE ON credit_entries
                    BEGIN SELECT RAISE(ABORT, 'credit_entries is append-only'); END;
                    CREATE TABLE export_cursors (
                        name TEXT PRIMARY KEY NOT NULL,
                        last_id INTEGER NOT NULL,
                        exported_at TEXT NOT NULL
                    );
                    """
            )
        }
        // v2: an operator's refund of a rejected review, recorded where a tenant's files cannot reach.
        migrator.registerMigration("v2") { db in
            try db.execute(
                sql: """
                    CREATE TABLE review_refunds (
                        job_id TEXT PRIMARY KEY NOT NULL REFERENCES jobs(id),
                        requested_at TEXT NOT NULL
                    );
                    """
            )
        }
        // v3: nodes sharing a ledger, and which node serves which tenant (leases; see Ledger+Leases.swift).
        migrator.registerMigration("v3") { db in
            try db.execute(
                sql: """
                    CREATE TABLE nodes (
                        name TEXT PRIMARY KEY NOT NULL,
                        started_at TEXT NOT NULL,
                        heartbeat_ms INTEGER NOT NULL
                    );
                    CREATE TABLE tenant_leases (
                        tenant TEXT PRIMARY KEY NOT NULL,
                        node TEXT NOT NULL,
                        expires_ms INTEGER NOT NULL,
                        acquired_at TEXT NOT NULL
                    );
                    """
            )
        }
        // v4: a job's status history is written by the database itself, in the same statement that changes the
        // job (one statement per transition instead of two; on PostgreSQL, one round trip instead of four).
        migrator.registerMigration("v4") { db in
            try db.execute(
                sql: """
                    ALTER TABLE jobs ADD COLUMN updated_at TEXT;
                    CREATE TRIGGER jobs_created AFTER INSERT ON jobs
                    BEGIN
                        INSERT INTO job_events (job_id, status, stage, at)
                        VALUES (NEW.id, NEW.status, NEW.current_stage, NEW.created_at);
                    END;
                    CREATE TRIGGER jobs_changed AFTER UPDATE ON jobs
                    BEGIN
                        INSERT INTO job_events (job_id, status, stage, at)
                        VALUES (NEW.id, NEW.status, NEW.current_stage, COALESCE(NEW.updated_at, NEW.created_at));
                    END;
                    """
            )
        }
        migrator.registerMigration("v5") { db in
            try db.execute(sql: SQLiteSchema.creditMonths)
        }
        // v6: webhook deliveries, written in the transaction that changes the job (the outbox pattern).
        migrator.registerMigration("v6") { db in
            try db.execute(sql: SharedSchema.webhookDeliveries(id: "INTEGER PRIMARY KEY AUTOINCREMENT", text: "TEXT"))
            try db.execute(sql: SharedSchema.webhookDeliveriesDue)
            try db.execute(sql: SharedSchema.webhookDeliveriesByJob)
        }
        // v7: cases (see Ledger+Cases.swift).
        migrator.registerMigration("v7") { db in
            for statement in SharedSchema.cases(id: "INTEGER PRIMARY KEY AUTOINCREMENT", text: "TEXT") {
                try db.execute(sql: statement)
            }
        }
        return migrator
    }

    /// v5: what a balance needs, kept per tenant and month by a trigger on the credit entries, so a reservation
    /// reads a few rows whatever the length of the tenant's history. `ledger verify` recomputes it.
    static let creditMonths = """
        CREATE TABLE credit_months (
            tenant TEXT NOT NULL,
            month TEXT NOT NULL,
            settled INTEGER NOT NULL DEFAULT 0,
            held INTEGER NOT NULL DEFAULT 0,
            topups INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (tenant, month)
        );
        \(SharedSchema.creditMonthsFill);
        \(creditMonthsTrigger);
        """

    /// The trigger of v5 (also recreated after a bulk copy, see ``Ledger/migrate(to:)``).
    static let creditMonthsTrigger = """
        CREATE TRIGGER credit_entries_months AFTER INSERT ON credit_entries
        BEGIN
            INSERT INTO credit_months (tenant, month, held)
            SELECT r.tenant, substr(r.created_at, 1, 7), -r.credits FROM credit_entries r
            WHERE NEW.kind IN ('settle', 'refund') AND r.job_id = NEW.job_id AND r.kind = 'reserve'
            ON CONFLICT (tenant, month) DO UPDATE SET held = held + excluded.held;
            INSERT INTO credit_months (tenant, month, settled, held, topups)
            SELECT NEW.tenant, substr(NEW.created_at, 1, 7),
                   CASE WHEN NEW.kind = 'settle' THEN NEW.credits ELSE 0 END,
                   CASE WHEN NEW.kind = 'reserve' THEN NEW.credits ELSE 0 END,
                   CASE WHEN NEW.kind = 'topup' THEN NEW.credits ELSE 0 END
            WHERE NEW.kind <> 'refund'
            ON CONFLICT (tenant, month) DO UPDATE SET settled = settled + excluded.settled,
                held = held + excluded.held, topups = topups + excluded.topups;
        END
        """
}
