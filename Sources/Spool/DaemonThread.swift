#if canImport(Glibc)
    import Glibc
#endif

/// A dedicated OS thread: for the watcher (libinotifytools keeps process-wide state and must stay on one thread)
/// and for workers, whose conversions block and must not occupy Swift's cooperative pool.
final class DaemonThread: Sendable {
    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// `@unchecked`-free: the handle is written once, before any other thread can see this object.
    private let handle: pthread_t

    /// Starts `body` on a new thread.
    init(_ body: @escaping @Sendable () -> Void) {
        var thread = pthread_t()
        let box = Unmanaged.passRetained(Body(body)).toOpaque()
        let status = pthread_create(
            &thread,
            nil,
            { raw in
                let body = Unmanaged<Body>.fromOpaque(raw!).takeRetainedValue()
                body.run()
                return nil
            },
            box
        )
        precondition(status == 0, "pthread_create failed: \(status)")
        handle = thread
    }

    /// Waits for the thread to end.
    func join() { pthread_join(handle, nil) }
}
