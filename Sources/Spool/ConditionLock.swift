#if canImport(Glibc)
    import Glibc
#endif

/// A value guarded by a mutex with a condition variable on the monotonic clock: worker threads sleep in
/// ``wait(_:)`` until another thread changes the value and calls ``withLockAndBroadcast(_:)``, or until a deadline.
/// (`Synchronization.Mutex` has no condition variable, and the workers are OS threads, not tasks.)
///
/// `@unchecked Sendable`: `value` is only touched with the mutex held.
final class ConditionLock<Value>: @unchecked Sendable {
    /// What a waiter decides with the lock held.
    enum Decision<Result> {
        case done(Result)
        /// Sleep until woken, or until this monotonic time (``Timestamp/monotonicSeconds()``) when given.
        case sleep(until: Double?)
    }

    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var value: Value

    init(_ value: Value) {
        self.value = value
        pthread_mutex_init(mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }

    /// Changes the value and wakes every waiter to look again.
    func withLockAndBroadcast<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer {
            pthread_cond_broadcast(condition)
            pthread_mutex_unlock(mutex)
        }
        return try body(&value)
    }

    /// Asks `decide` with the lock held until it is done, sleeping in between as it says.
    func wait<Result>(_ decide: (inout Value) -> Decision<Result>) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while true {
            switch decide(&value) {
            case .done(let result):
                return result
            case .sleep(until: nil):
                pthread_cond_wait(condition, mutex)
            case .sleep(until: let deadline?):
                var time = timespec()
                time.tv_sec = Int(deadline)
                time.tv_nsec = Int((deadline - Double(Int(deadline))) * 1e9)
                pthread_cond_timedwait(condition, mutex, &time)
            }
        }
    }
}
