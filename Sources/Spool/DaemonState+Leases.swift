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
            let round = try ledger.renewLeases(node: node, tenants: configured, leaseMilliseconds: leaseMilliseconds)
            let changed = leases.withLock { leases in
                defer { leases = (round.owned, round.share) }
                return leases.owned != round.owned
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

    /// Intake's side of a lease change: tenants handed over are dropped, idle tenants above this node's share are
    /// given back (so that a node that joins gets work), and newly leased tenants are loaded and recovered as at a
    /// start. Runs on the intake task, so no claim of a tenant is under way while it is given back.
    /// - Parameter isIdle: whether a tenant has no files waiting in its inbox and no jobs here.
    /// - Returns: the tenants dropped, whose inbox trackers intake forgets.
    func applyLeases(watcher: InboxWatcher?, isIdle: (String) -> Bool) -> [String] {
        guard let node else { return [] }
        var dropped: [String] = []
        var (owned, share) = leases.withLock { ($0.owned ?? [], $0.share) }
        for name in tenantNames where !owned.contains(name) {
            dropTenant(name)
            dropped.append(name)
            logger.notice("tenant handed over to another node", metadata: ["tenant": "\(name)", "node": "\(node)"])
        }
        for name in tenantNames.reversed() where owned.count > share && isIdle(name) {
            do {
                try ledger.releaseLease(node: node, tenant: name)
            } catch {
                logger.error("cannot give a tenant back", metadata: ["tenant": "\(name)", "error": "\(error)"])
                continue
            }
            owned.remove(name)
            leases.withLock { $0.owned?.remove(name) }
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

    /// Gives back every lease at a graceful stop, so other nodes take the tenants at their next round.
    func releaseLeases() {
        guard let node else { return }
        do { try ledger.releaseLeases(node: node) } catch {
            logger.error("cannot give the leases back; they lapse on their own", metadata: ["error": "\(error)"])
        }
    }
}
