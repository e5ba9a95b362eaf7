import Ledger
import SpoolConfig
import Testing

@testable import Spool

@Suite("Job scheduler")
struct JobSchedulerTests {
    func tenant(_ name: String, concurrent: Int = 10, perHour: Int = 100) -> TenantConfiguration {
        var tenant = TenantConfiguration(name: name)
        tenant.plan.concurrentJobs = concurrent
        tenant.plan.jobsPerHour = perHour
        return tenant
    }

    @Test(
        "by default one worker per core; twice that when the ledger is over the network",
        arguments: [("./spool/ledger.sqlite", 2, 2), ("postgresql://skillspool@db.internal/ledger", 2, 4), ("x", 0, 1)]
    )
    func defaultWorkers(setting: String, cores: Int, expected: Int) throws {
        #expect(DaemonState.defaultWorkers(cores: cores, ledger: try LedgerLocation(setting)) == expected)
    }

    @Test("tenants take turns: one file of a small tenant is not stuck behind 500 of a big one")
    func roundRobin() {
        let scheduler = JobScheduler()
        scheduler.register(tenant("big"), startedLastHour: 0, now: 0)
        scheduler.register(tenant("small"), startedLastHour: 0, now: 0)
        for index in 0..<500 { scheduler.enqueue("b\(index)", tenant: "big") }
        _ = scheduler.next(now: 1)
        scheduler.enqueue("s0", tenant: "small")
        let second = scheduler.next(now: 1)
        #expect(second?.tenant == "small" && second?.job == "s0")
    }

    @Test("over the concurrent or hourly limit a job waits instead of failing")
    func limits() {
        let scheduler = JobScheduler()
        scheduler.register(tenant("a", concurrent: 1, perHour: 2), startedLastHour: 0, now: 0)
        for index in 0..<3 { scheduler.enqueue("j\(index)", tenant: "a") }
        #expect(scheduler.next(now: 0)?.job == "j0")
        #expect(scheduler.next(now: 0) == nil)  // one at a time
        scheduler.finished("j0", tenant: "a")
        #expect(scheduler.next(now: 1)?.job == "j1")
        scheduler.finished("j1", tenant: "a")
        #expect(scheduler.next(now: 2) == nil)  // two per hour
        #expect(scheduler.depths()["a"] == 1)
        #expect(scheduler.next(now: 3_601)?.job == "j2")
    }

    @Test("a job queued twice runs once")
    func dedup() {
        let scheduler = JobScheduler()
        scheduler.register(tenant("a"), startedLastHour: 0, now: 0)
        scheduler.enqueue("j", tenant: "a")
        scheduler.enqueue("j", tenant: "a")
        #expect(scheduler.next(now: 0)?.job == "j")
        #expect(scheduler.next(now: 0) == nil)
    }
}

@Suite("Fair share")
struct FairShareTests {
    @Test("with several tenants none holds every worker, so a newcomer's job starts at once", arguments: [2, 4])
    func reserve(workers: Int) {
        let scheduler = JobScheduler(workers: workers)
        var big = TenantConfiguration(name: "big")
        big.plan.concurrentJobs = 100
        scheduler.register(big, startedLastHour: 0, now: 0)
        scheduler.register(TenantConfiguration(name: "small"), startedLastHour: 0, now: 0)
        for index in 0..<50 { scheduler.enqueue("b\(index)", tenant: "big") }
        var started = 0
        while scheduler.next(now: 0) != nil { started += 1 }
        #expect(started == workers - 1)
        scheduler.enqueue("s0", tenant: "small")
        #expect(scheduler.next(now: 0)?.tenant == "small")
    }

    @Test("a single tenant is not held back: the scheduler hands it every job its plan allows")
    func alone() {
        let scheduler = JobScheduler(workers: 3)
        scheduler.register(TenantConfiguration(name: "only"), startedLastHour: 0, now: 0)
        for index in 0..<5 { scheduler.enqueue("j\(index)", tenant: "only") }
        var started = 0
        while scheduler.next(now: 0) != nil { started += 1 }
        #expect(started == 5)
    }
}

@Suite("Retries")
struct RetryTests {
    @Test("a job queued to run again waits out its backoff, then runs; queued twice it runs once")
    func backoff() {
        let scheduler = JobScheduler(workers: 2)
        scheduler.register(TenantConfiguration(name: "a"), startedLastHour: 0, now: 0)
        scheduler.enqueue("j", tenant: "a", due: 10)
        scheduler.enqueue("j", tenant: "a", due: 10)
        #expect(scheduler.next(now: 5) == nil)
        #expect(scheduler.contains("j", tenant: "a"))
        #expect(scheduler.next(now: 10)?.job == "j")
        #expect(scheduler.next(now: 11) == nil)
    }
}
