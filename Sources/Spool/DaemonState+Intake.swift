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
            for name in dropped {
                pass.trackers[name] = nil
                pass.caseTrackers[name] = nil
            }
            // A tenant taken over is listed at once.
            listAll = listAll || leasesChanged
        }
        for name in tenantNames {
            let list = listAll || listTenants.contains(name)
            intake(name, pass: &pass, list: list, countMissed: countMissed, now: now)
            // A listing looks at review folders too: on network file systems nothing else does.
            if list || reviewTenants.contains(name), let tenant = tenant(name) {
                do { if try reviewDesk.decide(tenant) > 0 { markDirty(name) } } catch {
                    logger.error("review decision failed", metadata: ["tenant": "\(name)", "error": "\(error)"])
                }
                // A finished job of a case, an archive or a reopening: the case skills catch up.
                if caseDesk.update(tenant) { markDirty(name) }
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
            writeMetrics(
                trackers: pass.trackers,
                caseTrackers: pass.caseTrackers,
                overflows: watcher?.overflows.load(ordering: .relaxed)
            )
        }
        pass.dashboardsDirty = hasDirtyDashboards
    }

    private func intake(
        _ name: String,
        pass: inout IntakePass,
        list: Bool,
        countMissed: Bool,
        now: Double
    ) {
        // A tenant being given back takes no new files: they wait for the node that serves it next.
        guard let tenant = tenant(name), !isDraining(name) else { return }
        var tracker = pass.trackers[name] ?? InboxTracker()
        defer { pass.trackers[name] = tracker }
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
        guard carryOut(&tracker, tenant: tenant, from: IntakeFolder(directory: tenant.inbox), now: now) else { return }
        var folders = pass.caseTrackers[name] ?? [:]
        defer { pass.caseTrackers[name] = folders }
        if list {
            // Case folders are found by listing; a folder that went takes its tracker along.
            let present = Set(caseFolderNames(tenant))
            for gone in folders.keys where !present.contains(gone) { folders[gone] = nil }
            for folder in present where folders[folder] == nil { folders[folder] = CaseDesk.tracker() }
        }
        for folderName in folders.keys.sorted() {
            guard !isStopping, let slug = CaseSlug.make(folderName),
                let directory = try? tenant.inbox.folder(folderName)
            else { continue }
            let folder = IntakeFolder(directory: directory, caseFolder: .init(name: folderName, slug: slug))
            if caseDesk.control(folder, tenant: tenant) { markDirty(name) }
            var caseTracker = folders[folderName] ?? CaseDesk.tracker()
            do {
                if list {
                    try caseTracker.resync(directory, now: now)
                } else {
                    caseTracker.refresh(directory, now: now)
                }
            } catch {
                logger.error(
                    "cannot list a case folder",
                    metadata: ["tenant": "\(name)", "case": "\(folderName)", "error": "\(error)"]
                )
                continue
            }
            let goOn = carryOut(&caseTracker, tenant: tenant, from: folder, now: now)
            folders[folderName] = caseTracker
            guard goOn else { return }
        }
    }

    /// The folders in a tenant's inbox that are cases (not dot-folders, not links: a link is quarantined as one).
    private func caseFolderNames(_ tenant: TenantSpool) -> [String] {
        ((try? tenant.inbox.names()) ?? []).filter { folder in
            !folder.hasPrefix(".") && tenant.inbox.signature(folder)?.kind == .folder && CaseSlug.make(folder) != nil
        }.sorted()
    }

    /// Plans and carries out one folder's claims, quarantines and refusals; false when intake must stop for now
    /// (shutdown, or the ledger is unreachable).
    private func carryOut(
        _ tracker: inout InboxTracker,
        tenant: TenantSpool,
        from folder: IntakeFolder,
        now: Double
    )
        -> Bool
    {
        let name = tenant.name
        for action in tracker.plan(tenant: tenant.configuration, inbox: folder.directory, now: now) {
            guard !isStopping else { return false }
            do {
                switch action {
                case .claim(let source, let trigger, let files):
                    // Below the free-space floor, or while the ledger is unreachable, nothing is taken: the files
                    // wait in the inbox, untouched.
                    guard hasFreeSpace(), claimsAllowed() else { continue }
                    switch try intake.claim(
                        source: source,
                        trigger: trigger,
                        files: files,
                        tenant: tenant,
                        from: folder
                    ) {
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
                    try intake.quarantine(file, error: error, tenant: tenant, from: folder)
                    metrics.quarantined(name)
                    markDirty(name)
                    tracker.forget([file])
                case .reject(let manifest, let files, let error):
                    try intake.refuse(
                        files: [manifest] + files,
                        trigger: manifest,
                        error: JobFailure(error),
                        tenant: tenant,
                        from: folder
                    )
                    metrics.quarantined(name)
                    markDirty(name)
                    tracker.forget([manifest] + files)
                }
            } catch let error as LedgerError where error.code == .database && error.isRetryable {
                // The ledger is unreachable: no file is claimed until it answers again (the files wait, untouched).
                pauseClaims(error)
                return false
            } catch {
                logger.error(
                    "intake failed",
                    metadata: ["tenant": "\(name)", "action": "\(action)", "error": "\(error)"]
                )
            }
        }
        return true
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
