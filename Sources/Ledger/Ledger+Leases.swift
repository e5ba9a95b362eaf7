import FileSystem

/// The outcome of one lease round of a node (see ``Ledger/renewLeases(node:tenants:idle:leaseMilliseconds:now:)``).
public struct LeaseRound: Sendable, Hashable {
    /// The tenants this node serves until its next round.
    public var owned: Set<String>
    /// Nodes whose heartbeat is within one lease, this one included.
    public var liveNodes: Int
    /// How many tenants this node should serve: the configured tenants over the live nodes, one more for as many
    /// nodes as the division leaves over. A node above it gives its tenants back as they become idle.
    public var share: Int
}

/// Who serves a tenant now, for `doctor` and the metrics.
public struct TenantLease: Sendable, Hashable, Decodable {
    public var tenant: String
    public var node: String
    public var expiresMilliseconds: Int64
}

extension Ledger {
    /// One lease round of `node`: records its heartbeat, renews the tenants it serves and takes free or expired ones
    /// up to its share. One write transaction, so two nodes never both take a tenant.
    ///
    /// Daemons sharing a spool and a ledger each serve a disjoint set of tenants (intake, jobs, review, dashboard):
    /// a tenant's files are only ever touched by the node holding its lease. A node that stops renewing (killed,
    /// powered off, cut off from the database) loses its tenants after `leaseMilliseconds`, and the node that takes
    /// one recovers it as a local restart would.
    /// A node above its share gives tenants back with ``releaseLease(node:tenant:)`` when they are idle, so that a
    /// node that joins gets work.
    /// - Parameter tenants: every configured tenant, in the same order on every node.
    public func renewLeases(
        node: String,
        tenants: [String],
        leaseMilliseconds: Int64,
        now: Int64 = Timestamp.epochMilliseconds()
    ) throws -> LeaseRound {
        try write { db in
            try Self.recordHeartbeat(db, node: node, now: now)
            let live = max(
                1,
                try db.value(Int.self, "SELECT COUNT(*) FROM nodes WHERE heartbeat_ms >= ?", now - leaseMilliseconds)
                    ?? 1
            )
            // Fair shares: every node serves `floor` tenants, and `extra` of them one more. A node may take the
            // one more only while fewer than `extra` other nodes already hold it.
            let floor = tenants.count / live
            let extra = tenants.count % live
            let holdingMore = try db.rows(
                "SELECT node FROM tenant_leases WHERE expires_ms >= ? AND node <> ? GROUP BY node HAVING COUNT(*) > ?",
                [.integer(now), .text(node), .integer(Int64(floor))]
            ).count
            let share = floor + (holdingMore < extra ? 1 : 0)
            // A lease this node still holds is renewed even if it lapsed: nobody took it in the meantime.
            try db.execute("UPDATE tenant_leases SET expires_ms = ? WHERE node = ?", now + leaseMilliseconds, node)
            let configured = Set(tenants)
            var owned = Set(try db.values(String.self, "SELECT tenant FROM tenant_leases WHERE node = ?", node))
                .intersection(configured)
            // Each node starts looking at a different place in the list, so nodes starting together spread out.
            let start = tenants.isEmpty ? 0 : Int(Self.stableHash(node) % UInt64(tenants.count))
            for offset in tenants.indices where owned.count < share {
                let tenant = tenants[(start + offset) % tenants.count]
                guard !owned.contains(tenant) else { continue }
                let taken = try db.execute(
                    """
                    INSERT INTO tenant_leases (tenant, node, expires_ms, acquired_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (tenant) DO UPDATE SET node = excluded.node, expires_ms = excluded.expires_ms,
                        acquired_at = excluded.acquired_at
                    WHERE tenant_leases.expires_ms < ?
                    """,
                    tenant,
                    node,
                    now + leaseMilliseconds,
                    Timestamp.now(),
                    now
                )
                if taken == 1 { owned.insert(tenant) }
            }
            return LeaseRound(owned: owned, liveNodes: live, share: share)
        }
    }

    /// Records `node`'s heartbeat without taking tenants: a starting node announces itself, waits a moment, and
    /// only then takes its share, so that nodes started together split the tenants instead of the first taking all.
    public func announce(node: String, now: Int64 = Timestamp.epochMilliseconds()) throws {
        try update { db in try Self.recordHeartbeat(db, node: node, now: now) }
    }

    private static func recordHeartbeat(_ db: any SQLTransaction, node: String, now: Int64) throws {
        try db.execute(
            """
            INSERT INTO nodes (name, started_at, heartbeat_ms) VALUES (?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET heartbeat_ms = excluded.heartbeat_ms
            """,
            node,
            Timestamp.now(),
            now
        )
    }

    /// Gives up `node`'s lease of one tenant; the next node below its share takes it.
    public func releaseLease(node: String, tenant: String) throws {
        try write { db in try db.execute("DELETE FROM tenant_leases WHERE tenant = ? AND node = ?", tenant, node) }
    }

    /// Gives up every lease of `node` (a graceful stop: other nodes take its tenants at their next round) and
    /// marks it gone.
    public func releaseLeases(node: String) throws {
        try write { db in
            try db.execute("DELETE FROM tenant_leases WHERE node = ?", node)
            try db.execute("DELETE FROM nodes WHERE name = ?", node)
        }
    }

    /// Every tenant lease, by tenant.
    public func tenantLeases() throws -> [TenantLease] {
        try query { db in
            try db.fetchAll(
                TenantLease.self,
                "SELECT tenant, node, expires_ms AS expires_milliseconds FROM tenant_leases ORDER BY tenant"
            )
        }
    }

    /// FNV-1a: the same number for the same name on every host and every run (Swift's `Hasher` is seeded per process).
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
