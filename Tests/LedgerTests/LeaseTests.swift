import Ledger
import Testing

@Suite("Tenant leases between nodes")
struct LeaseTests {
    let tenants = ["t1", "t2", "t3", "t4"]

    @Test(
        "nodes split the tenants, never share one, and take a silent node's tenants once its lease ends",
        arguments: TestEngine.available
    )
    func splitAndTakeOver(engine: TestEngine) throws {
        let store = try TemporaryLedger(engine)
        let ledger = store.ledger
        let lease: Int64 = 10_000
        // Three nodes heartbeat first, as they do at start, then take their shares.
        for node in ["a", "b", "c"] {
            _ = try ledger.renewLeases(node: node, tenants: [], leaseMilliseconds: lease, now: 1_000)
        }
        var rounds: [String: LeaseRound] = [:]
        for node in ["a", "b", "c"] {
            rounds[node] = try ledger.renewLeases(node: node, tenants: tenants, leaseMilliseconds: lease, now: 2_000)
        }
        // Four tenants over three nodes: 2, 1, 1.
        #expect(rounds.values.allSatisfy { $0.liveNodes == 3 && $0.owned.count == $0.share })
        #expect(rounds.values.map(\.share).sorted() == [1, 1, 2])
        var owners: [String: String] = [:]
        for (node, round) in rounds {
            for tenant in round.owned {
                #expect(owners[tenant] == nil, "\(tenant) owned twice")
                owners[tenant] = node
            }
        }
        #expect(owners.count == 4)
        // Node a stops renewing; before its lease ends nobody takes its tenants, after it the others do.
        let aTenants = rounds["a"]!.owned
        let early = try ledger.renewLeases(node: "b", tenants: tenants, leaseMilliseconds: lease, now: 8_000)
        #expect(early.owned.isDisjoint(with: aTenants))
        _ = try ledger.renewLeases(node: "c", tenants: tenants, leaseMilliseconds: lease, now: 8_000)
        var taken = Set<String>()
        for node in ["b", "c"] {
            let round = try ledger.renewLeases(node: node, tenants: tenants, leaseMilliseconds: lease, now: 13_000)
            #expect(round.liveNodes == 2 && round.share == 2)
            #expect(taken.isDisjoint(with: round.owned))
            taken.formUnion(round.owned)
        }
        #expect(taken == Set(tenants))
        #expect(try ledger.tenantLeases().allSatisfy { $0.node != "a" })
    }

    @Test(
        "a node above its share gives back idle tenants; a graceful stop gives back all",
        arguments: TestEngine.available
    )
    func rebalanceAndRelease(engine: TestEngine) throws {
        let store = try TemporaryLedger(engine)
        let ledger = store.ledger
        let alone = try ledger.renewLeases(node: "a", tenants: tenants, leaseMilliseconds: 10_000, now: 1_000)
        #expect(alone.owned == Set(tenants))
        _ = try ledger.renewLeases(node: "b", tenants: tenants, leaseMilliseconds: 10_000, now: 2_000)
        // b is live now: a's share is 2; it keeps the busy ones and gives back two idle ones.
        let busy: Set = ["t1", "t2"]
        let shrunk = try ledger.renewLeases(node: "a", tenants: tenants, leaseMilliseconds: 10_000, now: 3_000)
        #expect(shrunk.share == 2 && shrunk.owned == Set(tenants))
        for tenant in Set(tenants).subtracting(busy) { try ledger.releaseLease(node: "a", tenant: tenant) }
        let grown = try ledger.renewLeases(node: "b", tenants: tenants, leaseMilliseconds: 10_000, now: 4_000)
        #expect(grown.owned == Set(tenants).subtracting(busy))
        try ledger.releaseLeases(node: "a")
        let after = try ledger.renewLeases(node: "b", tenants: tenants, leaseMilliseconds: 10_000, now: 5_000)
        #expect(after.liveNodes == 1 && after.owned == Set(tenants))
    }
}
