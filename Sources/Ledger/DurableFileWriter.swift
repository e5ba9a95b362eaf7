#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file so that it appears complete or not at all: data goes to a temporary file in the destination's
/// folder, which is fsynced, renamed over the destination, and the folder fsynced.
///
/// Owns one file descriptor; use ``write(to:_:)`` to lend a writer to a scope.
public final class DurableFileWriter {
    public let destination: String
    private let temporary: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private static let flushThreshold = 1 << 20

    private init(destination: String) throws {
        self.destination = destination
        let folder = Self.folder(of: destination)
        let name = String(destination.split(separator: "/").last ?? "file")
        temporary = folder + "/." + name + ".tmp-\(getpid())"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw LedgerError(.exportFailed, "cannot create '\(temporary)': \(Self.errorText())", retryable: true)
        }
        buffer.reserveCapacity(Self.flushThreshold + 4096)
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            unlink(temporary)
        }
    }

    /// Creates the file through `body`; on any error nothing replaces the destination.
    public static func write<T>(to destination: String, _ body: (DurableFileWriter) throws -> T) throws -> T {
        let writer = try DurableFileWriter(destination: destination)
        let result = try body(writer)
        try writer.commit()
        return result
    }

    /// Writes `bytes` durably to `destination`.
    public static func write(_ bytes: [UInt8], to destination: String) throws {
        try write(to: destination) { $0.append(bytes) }
    }

    public func append(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
    }

    public func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    /// Appends through a closure that fills the internal buffer directly (no intermediate arrays).
    public func withBuffer(_ body: (inout [UInt8]) -> Void) throws {
        body(&buffer)
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    public func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes {
                Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw LedgerError(.exportFailed, "cannot write '\(temporary)': \(Self.errorText())", retryable: true)
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func commit() throws {
        try flush()
        guard fsync(descriptor) == 0 else {
            throw LedgerError(.exportFailed, "cannot fsync '\(temporary)': \(Self.errorText())", retryable: true)
        }
        close(descriptor)
        descriptor = -1
        guard rename(temporary, destination) == 0 else {
            let text = Self.errorText()
            unlink(temporary)
            throw LedgerError(.exportFailed, "cannot rename to '\(destination)': \(text)", retryable: true)
        }
        try Self.syncFolder(Self.folder(of: destination))
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func syncFolder(_ folder: String) throws {
        let handle = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard handle >= 0 else { return }
        defer { close(handle) }
        guard fsync(handle) == 0 else {
            throw LedgerError(.exportFailed, "cannot fsync folder '\(folder)': \(errorText())", retryable: true)
        }
    }

    static func errorText() -> String { String(cString: strerror(errno)) }
}
