import FileSystem
import Logging
import SpoolConfig

extension DaemonState {
    /// How long a node's tenant leases last without a renewal; renewed every third of it.
    var leaseMilliseconds: Int64 { Int64(configuration.leaseSeconds * 1000) }

    /// One lease round (see `Ledger.renewLeases`): heartbeat, renewals, new tenants up to this node's share. Posts
    /// ``DaemonSignal/leasesChanged`` when the set of tenants changed. A failed round (database unreachable) is logged
    /// and changes nothing here: the leases lapse on their own if the outage lasts.
    func renewLeases() {
        guard let node else { return }
        do {
            let configured = try TenantConfiguration.loadAll(folder: configuration.tenantsPath).map(\.name).sorted()
            let (round, changed) = try leaseChange.withLock { _ in
                let round = try ledger.renewLeases(
                    node: node,
                    tenants: configured,
                    leaseMilliseconds: leaseMilliseconds
                )
                let changed = leases.withLock { leases in
                    defer { leases = (round.owned, round.share) }
                    return leases.owned != round.owned
                }
                return (round, changed)
            }
            if changed {
                logger.notice(
                    "tenant leases",
                    metadata: [
                        "node": "\(node)", "tenants": "\(round.owned.sorted().joined(separator: ","))",
                        "nodes": "\(round.liveNodes)", "share": "\(round.share)",
                    ]
                )
                signals.post(.leasesChanged)
            }
        } catch {
            logger.error("lease round failed", metadata: ["node": "\(node)", "error": "\(error)"])
        }
    }

    /// Renews this node's leases every third of their length until cancelled (after the last job has finished, so
    /// no other node takes a tenant whose job still runs here).
    func leaseLoop() async {
        guard node != nil else { return }
        while true {
            do { try await Task.sleep(for: .seconds(configuration.leaseSeconds / 3)) } catch { return }
            renewLeases()
        }
    }

    /// Intake's side of a lease change: tenants handed over are dropped, tenants above this node's share are
    /// drained and given back (so that nodes started later get work), and newly leased tenants are loaded and
    /// recovered as at a start. Runs on the intake task, so no claim of a tenant is under way while it is given back.
    /// - Returns: the tenants dropped, whose inbox trackers intake forgets.
    func applyLeases(watcher: InboxWatcher?) -> [String] {
        guard let node else { return [] }
        var dropped: [String] = []
        let (owned, share) = leases.withLock { ($0.owned ?? [], $0.share) }
        for name in tenantNames where !owned.contains(name) {
            dropTenant(name)
            dropped.append(name)
            logger.notice("tenant handed over to another node", metadata: ["tenant": "\(name)", "node": "\(node)"])
        }
        // Above the share: the surplus tenants take no new files (they wait in the inbox for the node that takes the
        // tenant next) and are given back once nothing of theirs is queued or running here.
        let surplus = max(0, owned.count - share)
        let drain = draining.withLock { draining -> Set<String> in
            draining.formIntersection(owned)
            for name in tenantNames.reversed() where draining.count < surplus && owned.contains(name) {
                if draining.insert(name).inserted {
                    logger.notice(
                        "tenant draining to be given back",
                        metadata: ["tenant": "\(name)", "node": "\(node)"]
                    )
                }
            }
            if surplus == 0 { draining.removeAll() }
            return draining
        }
        for name in drain.sorted() where scheduler.isIdle(tenant: name) {
            do {
                try leaseChange.withLock { _ in
                    try ledger.releaseLease(node: node, tenant: name)
                    leases.withLock { _ = $0.owned?.remove(name) }
                }
            } catch {
                logger.error("cannot give a tenant back", metadata: ["tenant": "\(name)", "error": "\(error)"])
                continue
            }
            draining.withLock { _ = $0.remove(name) }
            dropTenant(name)
            dropped.append(name)
            logger.notice(
                "tenant given back above this node's share",
                metadata: ["tenant": "\(name)", "node": "\(node)"]
            )
        }
        do {
            for added in try loadTenants() {
                watcher?.watch(
                    tenant: added.name,
                    folders: InboxWatcher.Folders(inbox: added.inbox.path, review: added.review.path)
                )
                logger.notice("tenant taken over", metadata: ["tenant": "\(added.name)", "node": "\(node)"])
                recover(added.name)
            }
        } catch {
            logger.error("tenant configuration not reloaded", metadata: ["error": "\(error)"])
        }
        return dropped
    }

    /// Whether intake leaves `tenant`'s inbox alone: it is being drained to be given back.
    func isDraining(_ tenant: String) -> Bool { draining.withLock { $0.contains(tenant) } }

    /// Announces this node, then waits a moment so that nodes started together see each other before the first
    /// lease round (which then splits the tenants instead of the first node taking them all).
    func announce() async {
        guard let node else { return }
        do { try ledger.announce(node: node) } catch {
            logger.error("cannot announce this node", metadata: ["node": "\(node)", "error": "\(error)"])
        }
        try? await Task.sleep(for: .seconds(min(1.5, configuration.leaseSeconds / 3)))
    }

    /// Gives back every lease at a graceful stop, so other nodes take the tenants at their next round.
    func releaseLeases() {
        guard let node else { return }
        do { try ledger.releaseLeases(node: node) } catch {
            logger.error("cannot give the leases back; they lapse on their own", metadata: ["error": "\(error)"])
        }
    }
}
