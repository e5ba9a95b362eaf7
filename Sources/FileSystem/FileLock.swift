import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// An advisory lock (`flock`, exclusive or shared) on one file of a folder, held while this value lives. The kernel releases
/// it when the holder's process ends, however it ends (SIGKILL, power loss on a local disk), so a stale lock never
/// needs cleaning up. The file also says who holds it, for the message of the one refused.
public final class FileLock {
    private let descriptor: FileDescriptor

    private init(descriptor: FileDescriptor) { self.descriptor = descriptor }

    deinit { try? descriptor.close() }

    /// Takes the lock on `name` in `folder` (created if missing, never through a link) without waiting, and
    /// records `holder` in it (an exclusive holder only: shared holders leave the text alone). Returns
    /// `.heldBy(text)` with what the last exclusive holder recorded when the lock cannot be had: another open
    /// description holds it exclusively, or (for an exclusive request) shared.
    public static func acquire(
        _ name: String,
        in folder: Directory,
        holder: String,
        shared: Bool = false
    ) throws -> Acquisition {
        let raw = openat(folder.descriptor.rawValue, name, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, 0o644)
        guard raw >= 0 else { throw FileSystemError.lastCall("cannot open the lock file '\(name)'") }
        let lock = FileLock(descriptor: FileDescriptor(rawValue: raw))
        guard flock(raw, (shared ? LOCK_SH : LOCK_EX) | LOCK_NB) == 0 else {
            let cause = Errno.ofLastCall
            guard cause == .wouldBlock else { throw FileSystemError.io("cannot lock '\(name)'", cause) }
            var recorded = [UInt8](repeating: 0, count: 512)
            let count =
                (try? recorded.withUnsafeMutableBytes { try lock.descriptor.read(fromAbsoluteOffset: 0, into: $0) })
                ?? 0
            return .heldBy(String(decoding: recorded.prefix(count), as: UTF8.self).trimmingTrailingNewlines)
        }
        if !shared {
            guard ftruncate(raw, 0) == 0 else { throw FileSystemError.lastCall("cannot write the lock file '\(name)'") }
            _ = try? lock.descriptor.writeAll(toAbsoluteOffset: 0, Array((holder + "\n").utf8))
        }
        return .acquired(lock)
    }

    /// The outcome of ``acquire(_:in:holder:)``.
    public enum Acquisition {
        case acquired(FileLock)
        /// Someone else holds the lock; the text is what they recorded.
        case heldBy(String)
    }
}

extension String {
    fileprivate var trimmingTrailingNewlines: String {
        var text = self
        while text.last?.isNewline == true { text.removeLast() }
        return text
    }
}
