import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a file so that it appears complete or not at all: the bytes go to a temporary file in the destination's
/// folder (named after the destination and this process, so two processes never share one), which is fsynced and
/// renamed over the destination before the folder is fsynced. The one durable write of the project: outputs,
/// status files, dashboards, metrics, exports and cursors all go through it.
///
/// Owns one file descriptor; lend a writer to a scope with ``write(_:in:durable:_:)``.
public final class DurableFileWriter {
    public let folder: Directory
    public let name: String
    private let temporary: String
    private let durable: Bool
    private var descriptor: FileDescriptor?
    private var buffer: [UInt8] = []
    private static let flushThreshold = 1 << 20

    private init(folder: Directory, name: String, durable: Bool) throws {
        try Directory.checkName(name)
        self.folder = folder
        self.name = name
        self.durable = durable
        temporary = Self.temporaryName(for: name)
        // A leftover of this process (an earlier write that failed before its cleanup) is replaced.
        unlinkat(folder.descriptor.rawValue, temporary, 0)
        let raw = openat(
            folder.descriptor.rawValue,
            temporary,
            O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
            0o644
        )
        guard raw >= 0 else { throw FileSystemError.lastCall("cannot create '\(folder.path)/\(temporary)'") }
        descriptor = FileDescriptor(rawValue: raw)
    }

    deinit {
        if let descriptor {
            try? descriptor.close()
            unlinkat(folder.descriptor.rawValue, temporary, 0)
        }
    }

    /// The temporary name a write to `name` uses in this process: a dot-file, so inbox listings ignore it, ending
    /// in `.tmp`, so recovery removes it when a crash leaves it behind.
    public static func temporaryName(for name: String) -> String { ".\(name).\(getpid()).tmp" }

    /// Creates `name` in `folder` through `body`; on any error nothing replaces it. With `durable: false` the
    /// fsyncs are skipped: readers still never see a partial file, but a crash may lose the update (fine for
    /// progress notes that the next write supersedes).
    public static func write<T>(
        _ name: String,
        in folder: Directory,
        durable: Bool = true,
        _ body: (DurableFileWriter) throws -> T
    ) throws -> T {
        let writer = try DurableFileWriter(folder: folder, name: name, durable: durable)
        let result = try body(writer)
        try writer.commit()
        return result
    }

    /// Creates the file at `path` (its folder must exist) through `body`.
    public static func write<T>(to path: String, _ body: (DurableFileWriter) throws -> T) throws -> T {
        let (folder, name) = try Directory.openParent(of: path)
        return try write(name, in: folder, body)
    }

    /// Writes `bytes` durably to `path`.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try write(to: path) { $0.append(bytes) }
    }

    public func append(_ bytes: [UInt8]) { buffer.append(contentsOf: bytes) }

    public func append(_ text: String) { buffer.append(contentsOf: text.utf8) }

    /// Appends through a closure that fills the internal buffer directly (no intermediate arrays).
    public func withBuffer(_ body: (inout [UInt8]) -> Void) throws {
        body(&buffer)
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    /// Writes the buffered bytes to the temporary file.
    public func flush() throws {
        guard let descriptor else { return }
        try descriptor.writeEverything(buffer, name: "\(folder.path)/\(temporary)")
        buffer.removeAll(keepingCapacity: true)
    }

    private func commit() throws {
        try flush()
        guard let descriptor else { return }
        if durable, fsync(descriptor.rawValue) != 0 {
            throw FileSystemError.lastCall("cannot fsync '\(folder.path)/\(temporary)'")
        }
        try descriptor.close()
        self.descriptor = nil
        guard renameat(folder.descriptor.rawValue, temporary, folder.descriptor.rawValue, name) == 0 else {
            let cause = Errno.ofLastCall
            unlinkat(folder.descriptor.rawValue, temporary, 0)
            throw FileSystemError.io("cannot rename '\(folder.path)/\(temporary)' to '\(name)'", cause)
        }
        if durable { try folder.sync() }
    }
}

extension Directory {
    /// Writes `bytes` as `name` through ``DurableFileWriter``.
    public func writeDurably(_ name: String, _ bytes: [UInt8], durable: Bool = true) throws {
        try DurableFileWriter.write(name, in: self, durable: durable) { $0.append(bytes) }
    }

    /// Writes a file at a relative `path` (`a/b/c.md`), creating the folders on the way; durable as
    /// ``writeDurably(_:_:durable:)``.
    public func writeDurably(path: String, _ bytes: [UInt8], durable: Bool = true) throws {
        let parts = path.split(separator: "/").map(String.init)
        guard let last = parts.last else { throw FileSystemError(.pathTraversal, "empty path") }
        var folder = self
        for part in parts.dropLast() { folder = try folder.folder(part, create: true) }
        try folder.writeDurably(last, bytes, durable: durable)
    }

    /// Makes a file another writer (SQLite's `VACUUM INTO`, say) completed under `temporary` durable as `name`:
    /// fsync the file, rename it over `name`, fsync the folder.
    public func publish(_ temporary: String, as name: String) throws {
        let file = try openRegularFile(temporary)
        guard fsync(file.descriptor.rawValue) == 0 else {
            throw FileSystemError.lastCall("cannot fsync '\(temporary)'")
        }
        try move(temporary, to: self, as: name)
        try sync()
    }

    /// The folder holding `path` (opened by path) and the last component of `path`.
    public static func openParent(of path: String) throws -> (Directory, String) {
        let filePath = FilePath(path)
        guard let last = filePath.lastComponent?.string, filePath.lastComponent?.kind == .regular else {
            throw FileSystemError(.pathTraversal, "'\(path)' does not name a file")
        }
        let parent = filePath.removingLastComponent()
        return (try Directory.open(path: parent.isEmpty ? "." : parent.string), last)
    }
}
