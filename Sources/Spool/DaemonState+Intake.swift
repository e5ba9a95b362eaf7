import FileSystem
import Ledger
import Logging

#if canImport(Glibc)
    import Glibc
#endif

extension DaemonState {
    /// The intake task: turns watcher hints, finished jobs and its own deadlines into claims, quarantines and
    /// review decisions. It sleeps until a signal rings (``DaemonSignals``) and returns when shutdown begins or the
    /// task is cancelled. Light work only; conversions run on the worker threads.
    func intakeLoop(watcher: InboxWatcher?) async {
        var pass = IntakePass()
        var alarm: (deadline: Double, task: Task<Void, Never>)?
        defer { alarm?.task.cancel() }
        // The first pass lists every inbox and review folder.
        signals.post(.alarm)
        for await _ in signals.doorbell {
            guard !isStopping else { break }
            intakePass(signals.take(), state: &pass, watcher: watcher)
            let deadline = max(
                pass.nextDeadline(tenants: tenantConfigurations()),
                Timestamp.monotonicSeconds() + 0.05
            )
            if alarm?.deadline != deadline {
                alarm?.task.cancel()
                alarm = (deadline, armAlarm(at: deadline))
            }
        }
        refreshDashboards()
    }

    /// Posts ``DaemonSignal/alarm`` at `deadline` (monotonic seconds) unless cancelled first.
    private func armAlarm(at deadline: Double) -> Task<Void, Never> {
        let signals = signals
        return Task {
            do {
                try await Task.sleep(for: .seconds(max(0, deadline - Timestamp.monotonicSeconds())))
                signals.post(.alarm)
            } catch {
                // Cancelled: a sooner deadline replaced this one, or intake ended.
            }
        }
    }

    /// One pass over the signals posted since the last.
    private func intakePass(_ batch: [DaemonSignal], state pass: inout IntakePass, watcher: InboxWatcher?) {
        let now = Timestamp.monotonicSeconds()
        var listAll = false
        var listTenants = Set<String>()
        var reviewTenants = Set<String>()
        var eventful = false
        var leasesChanged = false
        for signal in batch {
            switch signal {
            case .watch(.file(let name, let file)):
                guard let tenant = tenant(name) else { continue }
                pass.trackers[name, default: InboxTracker()].observe(file, in: tenant.inbox, now: now)
                metrics.sawFile(name)
                eventful = true
            case .watch(.rescan(nil)):
                listAll = true
            case .watch(.rescan(let name?)):
                listTenants.insert(name)
            case .watch(.review(let name)), .jobEnded(let name):
                reviewTenants.insert(name)
                eventful = true
            case .alarm:
                break
            case .leasesChanged:
                leasesChanged = true
            case .webhooksAttempted:
                eventful = true
            }
        }
        let polling = watcher == nil || watcher?.hasFailed == true
        let periodic = now - pass.lastListing >= (polling ? configuration.pollSeconds : configuration.rescanSeconds)
        pass.listingInterval = polling ? configuration.pollSeconds : configuration.rescanSeconds
        // After the first listing, what a listing finds that no event reported is what events missed.
        let countMissed = !polling && pass.lastListing > -Double.infinity
        if periodic {
            pass.lastListing = now
            listAll = true
            do {
                for added in try loadTenants() {
                    watcher?.watch(
                        tenant: added.name,
                        folders: InboxWatcher.Folders(inbox: added.inbox.path, review: added.review.path)
                    )
                    logger.notice("tenant added", metadata: ["tenant": "\(added.name)"])
                    recover(added.name)
                }
            } catch {
                logger.error("tenant configuration not reloaded", metadata: ["error": "\(error)"])
            }
            metrics.rescanned()
            sweepWork()
        }
        if node != nil, leasesChanged || periodic || draining.withLock({ !$0.isEmpty }) {
            let dropped = applyLeases(watcher: watcher)
            for name in dropped { pass.trackers[name] = nil }
            // A tenant taken over is listed at once.
            listAll = listAll || leasesChanged
        }
        for name in tenantNames {
            let list = listAll || listTenants.contains(name)
            intake(name, trackers: &pass.trackers, list: list, countMissed: countMissed, now: now)
            // A listing looks at review folders too: on network file systems nothing else does.
            if list || reviewTenants.contains(name), let tenant = tenant(name) {
                do { if try reviewDesk.decide(tenant) > 0 { markDirty(name) } } catch {
                    logger.error("review decision failed", metadata: ["tenant": "\(name)", "error": "\(error)"])
                }
            }
        }
        if now - pass.lastDashboards >= 1, hasDirtyDashboards {
            pass.lastDashboards = now
            refreshDashboards()
        }
        pass.metricsDirty =
            pass.metricsDirty || eventful || listAll || !listTenants.isEmpty
            || pass.trackers.values.contains { $0.waitingCount > 0 }
        if pass.metricsDirty, now - pass.lastMetrics >= 2 {
            pass.lastMetrics = now
            pass.metricsDirty = false
            writeMetrics(trackers: pass.trackers, overflows: watcher?.overflows.load(ordering: .relaxed))
        }
        pass.dashboardsDirty = hasDirtyDashboards
    }

    private func intake(
        _ name: String,
        trackers: inout [String: InboxTracker],
        list: Bool,
        countMissed: Bool,
        now: Double
    ) {
        // A tenant being given back takes no new files: they wait for the node that serves it next.
        guard let tenant = tenant(name), !isDraining(name) else { return }
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
                    // Below the free-space floor, or while the ledger is unreachable, nothing is taken: the files
                    // wait in the inbox, untouched.
                    guard hasFreeSpace(), claimsAllowed() else { continue }
                    switch try intake.claim(source: source, trigger: trigger, files: files, tenant: tenant) {
                    case .job(let ticket):
                        scheduler.enqueue(ticket.id, tenant: name)
                        markDirty(name)
                    case .duplicate:
                        markDirty(name)
                    case .refused:
                        metrics.quarantined(name)
                        markDirty(name)
                    case .changing:
                        logger.info(
                            "still being written; waits again",
                            metadata: ["tenant": "\(name)", "files": "\(files)"]
                        )
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
            } catch let error as LedgerError where error.code == .database && error.isRetryable {
                // The ledger is unreachable: no file is claimed until it answers again (the files wait, untouched).
                pauseClaims(error)
                return
            } catch {
                logger.error(
                    "intake failed",
                    metadata: ["tenant": "\(name)", "action": "\(action)", "error": "\(error)"]
                )
            }
        }
    }
}

extension DaemonState {
    /// Stops claiming for a few seconds after the ledger could not be reached (logged once per outage).
    func pauseClaims(_ error: LedgerError) {
        let wasPaused = claimsPausedUntil.withLock { until in
            defer { until = Timestamp.monotonicSeconds() + 5 }
            return until > 0
        }
        if !wasPaused {
            logger.error("ledger unreachable: no claims until it answers", metadata: ["error": "\(error)"])
        }
    }

    /// Whether claims may go on; logs when they resume after an outage.
    func claimsAllowed() -> Bool {
        let now = Timestamp.monotonicSeconds()
        let (allowed, resumed) = claimsPausedUntil.withLock { until -> (Bool, Bool) in
            guard until > 0 else { return (true, false) }
            guard now >= until else { return (false, false) }
            until = 0
            return (true, true)
        }
        if resumed { logger.notice("claiming again after the ledger was unreachable") }
        return allowed
    }

    /// Whether the spool's file system has `minFreeBytes` available; logged when it crosses the floor.
    func hasFreeSpace() -> Bool {
        var info = statvfs()
        guard statvfs(configuration.spoolPath, &info) == 0 else { return true }
        let free = Int(info.f_bavail) * Int(info.f_frsize)
        let enough = free >= configuration.minFreeBytes
        if lowSpace.exchange(!enough, ordering: .relaxed) != !enough {
            if enough {
                logger.notice("free space back above the floor; claiming again", metadata: ["free": "\(free)"])
            } else {
                logger.warning(
                    "free space below minFreeBytes: no new claims until it is back",
                    metadata: ["free": "\(free)", "floor": "\(configuration.minFreeBytes)"]
                )
            }
        }
        return enough
    }
}

extension DaemonState {
    /// Queues again every job in a tenant's `.work` that nothing is running or waiting for (see
    /// ``JobRecovery/sweep(_:isScheduled:)``); runs with each periodic listing.
    func sweepWork() {
        let recovery = JobRecovery(ledger: ledger, logger: logger)
        for name in tenantNames {
            guard let tenant = tenant(name) else { continue }
            do {
                for job in try recovery.sweep(tenant, isScheduled: { scheduler.contains($0, tenant: name) }) {
                    logger.notice(
                        "a claimed job nothing was running is queued again",
                        metadata: ["tenant": "\(name)", "job": "\(job)"]
                    )
                    scheduler.enqueue(job, tenant: name)
                }
            } catch {
                logger.error("cannot sweep .work", metadata: ["tenant": "\(name)", "error": "\(error)"])
            }
        }
    }
}
