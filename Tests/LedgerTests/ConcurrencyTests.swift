import Foundation
import Ledger
import Synchronization
import Testing

@Suite("Several processes on one ledger")
struct ConcurrencyTests {
    @Test(
        "four writers with their own connections never spend more credits than a tenant has",
        arguments: TestEngine.available
    )
    func noOverspend(engine: TestEngine) throws {
        let store = try TemporaryLedger(engine)
        try store.ledger.topUp(tenant: "acme", credits: 100, reference: "order-1")
        let writers = 4
        let jobsPerWriter = 15
        let setting = store.setting
        let outcome = Mutex<(reserved: Int, failures: [String])>((0, []))
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            do {
                // A ledger of its own per writer: separate connections, as separate daemons have.
                let ledger = try Ledger(setting: setting)
                for index in 0..<jobsPerWriter {
                    let id = "w\(writer)-\(index)"
                    try ledger.createJob(JobRecord(id: id, tenant: "acme"))
                    do {
                        try ledger.reserve(job: id, credits: 3, allowance: 0)
                        outcome.withLock { $0.reserved += 3 }
                    } catch let error as LedgerError where error.code == .insufficientCredits {
                        continue
                    }
                }
            } catch {
                outcome.withLock { $0.failures.append("\(error)") }
            }
        }
        let (reserved, failures) = outcome.withLock { $0 }
        #expect(failures.isEmpty, "\(failures)")
        // 60 jobs × 3 credits asked, 100 available: exactly 33 reservations fit.
        #expect(reserved == 99)
        let balance = try store.ledger.balance(tenant: "acme", allowance: 0)
        #expect(balance.held == 99 && balance.available == 1)
        #expect(try store.ledger.verify(allowances: [:]).isEmpty)
    }
}
