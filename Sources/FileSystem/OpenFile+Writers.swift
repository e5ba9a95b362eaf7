#if canImport(Glibc)
    import Glibc
#endif

extension OpenFile {
    /// Whether some process holds this file open for writing now — an upload that paused (an `sftp put`, a
    /// scanner, `rsync --inplace`) rather than ended. A file cut at an earlier revision's `%%EOF` is complete by its
    /// format; only this tells that its writer has not finished.
    ///
    /// Asked of the kernel with a read lease (`F_SETLEASE`), which it refuses with `EAGAIN` while any descriptor
    /// for the file is open for writing, and released at once. `nil` when the kernel cannot tell: the file belongs
    /// to another user and this process lacks `CAP_LEASE`, leases are disabled (`fs.leases-enable`), or the file
    /// system has none (NFS). The descriptor must be read-only (``Directory/openRegularFile(_:)`` opens so).
    public var hasWriters: Bool? {
        // A writer that opens the file during the microseconds the lease is held makes the kernel signal the holder
        // (SIGIO, whose default action ends the process); the lease is released right after, so the signal is moot.
        _ = Self.ignoreLeaseBreakSignal
        guard fcntl(descriptor.rawValue, Self.setLease, F_RDLCK) == 0 else {
            return errno == EAGAIN ? true : nil
        }
        _ = fcntl(descriptor.rawValue, Self.setLease, F_UNLCK)
        return false
    }

    /// `F_SETLEASE` (`F_LINUX_SPECIFIC_BASE + 0`, a fixed Linux ABI value), which Glibc declares only under
    /// `_GNU_SOURCE`.
    private static let setLease: Int32 = 1_024

    private static let ignoreLeaseBreakSignal: Void = { _ = signal(SIGIO, SIG_IGN) }()
}
