import FileSystem
import Logging

extension DaemonState {
    /// The intake task: turns watcher hints and listings into claims, quarantines and review decisions until
    /// shutdown begins. Light work only; conversions run on the worker threads.
    func intakeLoop(watcher: InboxWatcher?) async {
        var trackers: [String: InboxTracker] = [:]
        var lastListing = -Double.infinity
        var lastReview = -Double.infinity
        var lastMetrics = -Double.infinity
        var lastDashboards = -Double.infinity
        while !isStopping {
            let now = Timestamp.monotonicSeconds()
            var listAll = false
            var listTenants = Set<String>()
            for event in mailbox.take() {
                switch event {
                case .file(let name, let file):
                    guard let tenant = tenant(name) else { continue }
                    trackers[name, default: InboxTracker()].observe(file, in: tenant.inbox, now: now)
                    metrics.sawFile(name)
                case .rescan(nil):
                    listAll = true
                case .rescan(let name?):
                    listTenants.insert(name)
                }
            }
            let polling = watcher == nil || watcher?.hasFailed == true
            let periodic = now - lastListing >= (polling ? configuration.pollSeconds : configuration.rescanSeconds)
            if periodic {
                // Listing is the truth; with a working watcher, what it finds that no event reported is counted.
                let countMissed = !polling && lastListing > -Double.infinity
                lastListing = now
                listAll = true
                do {
                    for added in try loadTenants() {
                        watcher?.watch(tenant: added.name, path: added.inbox.path)
                        logger.notice("tenant added", metadata: ["tenant": "\(added.name)"])
                    }
                } catch {
                    logger.error("tenant configuration not reloaded", metadata: ["error": "\(error)"])
                }
                metrics.rescanned()
                for name in tenantNames {
                    intake(name, trackers: &trackers, list: true, countMissed: countMissed, now: now)
                }
            } else {
                for name in tenantNames {
                    intake(
                        name,
                        trackers: &trackers,
                        list: listAll || listTenants.contains(name),
                        // After an overflow or a lost watch, what the listing finds is what events missed.
                        countMissed: !polling && lastListing > -Double.infinity,
                        now: now
                    )
                }
            }
            if now - lastReview >= 1 {
                lastReview = now
                for name in tenantNames {
                    guard let tenant = tenant(name) else { continue }
                    do { if try reviewDesk.decide(tenant) > 0 { markDirty(name) } } catch {
                        logger.error("review decision failed", metadata: ["tenant": "\(name)", "error": "\(error)"])
                    }
                }
            }
            if now - lastDashboards >= 1 {
                lastDashboards = now
                refreshDashboards()
            }
            if now - lastMetrics >= 2 {
                lastMetrics = now
                writeMetrics(trackers: trackers, overflows: watcher?.overflows.load(ordering: .relaxed))
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
        refreshDashboards()
    }

    private func intake(
        _ name: String,
        trackers: inout [String: InboxTracker],
        list: Bool,
        countMissed: Bool,
        now: Double
    ) {
        guard let tenant = tenant(name) else { return }
        var tracker = trackers[name] ?? InboxTracker()
        defer { trackers[name] = tracker }
        do {
            if list {
                let found = try tracker.resync(tenant.inbox, now: now, countMissed: countMissed)
                if countMissed { metrics.missed(name, count: found) }
            } else {
                tracker.refresh(tenant.inbox, now: now)
            }
        } catch {
            logger.error("cannot list the inbox", metadata: ["tenant": "\(name)", "error": "\(error)"])
            return
        }
        for action in tracker.plan(tenant: tenant.configuration, inbox: tenant.inbox, now: now) {
            guard !isStopping else { return }
            do {
                switch action {
                case .claim(let source, let trigger, let files):
                    switch try intake.claim(source: source, trigger: trigger, files: files, tenant: tenant) {
                    case .job(let ticket):
                        scheduler.enqueue(ticket.id, tenant: name)
                        markDirty(name)
                    case .duplicate:
                        markDirty(name)
                    case .refused:
                        metrics.quarantined(name)
                        markDirty(name)
                    }
                    tracker.forget(files)
                case .quarantine(let file, let error):
                    try intake.quarantine(file, error: error, tenant: tenant)
                    metrics.quarantined(name)
                    markDirty(name)
                    tracker.forget([file])
                case .reject(let manifest, let files, let error):
                    try intake.refuse(
                        files: [manifest] + files,
                        trigger: manifest,
                        error: JobFailure(error),
                        tenant: tenant
                    )
                    metrics.quarantined(name)
                    markDirty(name)
                    tracker.forget([manifest] + files)
                }
            } catch {
                logger.error(
                    "intake failed",
                    metadata: ["tenant": "\(name)", "action": "\(action)", "error": "\(error)"]
                )
            }
        }
    }
}
