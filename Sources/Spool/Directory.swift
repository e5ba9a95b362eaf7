#if canImport(Glibc)
    import Glibc
#endif

/// What `fstatat` without following links says about a folder entry; two equal signatures mean unchanged.
public struct FileSignature: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case regular
        case folder
        case symlink
        case other
    }

    public var kind: Kind
    public var device: UInt64
    public var inode: UInt64
    public var size: Int
    public var modified: Int
    public var links: Int
}

/// An open folder. Every operation names entries relative to it, never by absolute path, and none follows a link,
/// so nothing under a tenant's folder can redirect a read or write elsewhere.
///
/// `@unchecked Sendable`: the only state is an immutable descriptor, and the kernel serialises the `*at` calls made
/// on it from several threads.
public final class Directory: @unchecked Sendable {
    let descriptor: Int32
    /// The folder's path, for messages and logs only (never used to open anything).
    public let path: String

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }

    /// Opens the folder at `path` (its last component must not be a link).
    public static func open(path: String) throws -> Directory {
        let descriptor = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw Self.error("cannot open folder '\(path)'") }
        return Directory(descriptor: descriptor, path: path)
    }

    /// Opens the subfolder `name`, creating it first when `create` is set.
    public func folder(_ name: String, create: Bool = false) throws -> Directory {
        try Self.checkName(name)
        if create, mkdirat(descriptor, name, 0o755) != 0, errno != EEXIST {
            throw Self.error("cannot create folder '\(path)/\(name)'")
        }
        let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard child >= 0 else {
            if errno == ELOOP || errno == ENOTDIR {
                throw SpoolError(.symlink, "'\(path)/\(name)' is not a plain folder")
            }
            throw Self.error("cannot open folder '\(path)/\(name)'")
        }
        return Directory(descriptor: child, path: path + "/" + name)
    }

    /// The entry names, sorted, without `.` and `..`.
    public func names() throws -> [String] {
        let copy = dup(descriptor)
        guard copy >= 0, let stream = fdopendir(copy) else {
            if copy >= 0 { close(copy) }
            throw Self.error("cannot list '\(path)'")
        }
        defer { closedir(stream) }
        rewinddir(stream)
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
                String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// The entry's signature without following links; nil when it does not exist.
    public func signature(_ name: String) -> FileSignature? {
        var status = stat()
        guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        let kind: FileSignature.Kind
        switch status.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .folder
        case S_IFLNK: kind = .symlink
        default: kind = .other
        }
        return FileSignature(
            kind: kind,
            device: UInt64(status.st_dev),
            inode: UInt64(status.st_ino),
            size: Int(status.st_size),
            modified: Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec),
            links: Int(status.st_nlink)
        )
    }

    /// Whether `name` exists (as anything, links included).
    public func contains(_ name: String) -> Bool { signature(name) != nil }

    /// Opens `name` for reading if it is a regular file with exactly one link.
    ///
    /// - Throws: `ERR::SECURITY::SYMLINK`, `ERR::SECURITY::HARDLINK` or `ERR::SECURITY::NOT_REGULAR_FILE`.
    public func openRegularFile(_ name: String) throws -> OpenFile {
        try Self.checkName(name)
        // O_NONBLOCK: opening a FIFO must not wait for a writer; the type is checked right after.
        let file = openat(descriptor, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard file >= 0 else {
            if errno == ELOOP { throw SpoolError(.symlink, "'\(name)' is a symbolic link") }
            throw Self.error("cannot open '\(path)/\(name)'")
        }
        let handle = OpenFile(descriptor: file, name: name)
        var status = stat()
        guard fstat(file, &status) == 0 else { throw Self.error("cannot stat '\(name)'") }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw SpoolError(.notRegularFile, "'\(name)' is not a regular file")
        }
        guard status.st_nlink == 1 else {
            throw SpoolError(.hardlink, "'\(name)' has \(status.st_nlink) hard links")
        }
        return handle
    }

    /// Renames the entry `name` into `target` as `newName` (same file system; links are moved, not followed).
    public func move(_ name: String, to target: Directory, as newName: String? = nil) throws {
        try Self.checkName(name)
        guard renameat(descriptor, name, target.descriptor, newName ?? name) == 0 else {
            throw Self.error("cannot move '\(path)/\(name)' to '\(target.path)/\(newName ?? name)'")
        }
    }

    /// Writes `bytes` as `name`: a temporary file in this folder, fsynced, renamed over `name`, folder fsynced.
    ///
    /// With `durable: false` the fsyncs are skipped: readers still never see a partial file, but a crash may lose
    /// the update (fine for progress notes that the next write supersedes).
    public func writeDurably(_ name: String, _ bytes: [UInt8], durable: Bool = true) throws {
        try Self.checkName(name)
        let temporary = ".\(name).tmp"
        unlinkat(descriptor, temporary, 0)
        let file = openat(descriptor, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard file >= 0 else { throw Self.error("cannot create '\(path)/\(temporary)'") }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(file, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else {
                close(file)
                unlinkat(descriptor, temporary, 0)
                throw Self.error("cannot write '\(path)/\(temporary)'")
            }
            offset += written
        }
        guard !durable || fsync(file) == 0 else {
            close(file)
            unlinkat(descriptor, temporary, 0)
            throw Self.error("cannot fsync '\(path)/\(temporary)'")
        }
        close(file)
        guard renameat(descriptor, temporary, descriptor, name) == 0 else {
            unlinkat(descriptor, temporary, 0)
            throw Self.error("cannot rename '\(path)/\(temporary)'")
        }
        if durable { try sync() }
    }

    /// Flushes the folder's entries (renames, creations) to disk.
    public func sync() throws {
        guard fsync(descriptor) == 0 else { throw Self.error("cannot fsync folder '\(path)'") }
    }

    /// Removes `name` and, for a folder, everything below it, without following links.
    public func remove(_ name: String) throws {
        try Self.checkName(name)
        guard let signature = signature(name) else { return }
        if signature.kind == .folder {
            let child = try folder(name)
            for entry in try child.names() { try child.remove(entry) }
            guard unlinkat(descriptor, name, AT_REMOVEDIR) == 0 || errno == ENOENT else {
                throw Self.error("cannot remove folder '\(path)/\(name)'")
            }
        } else {
            guard unlinkat(descriptor, name, 0) == 0 || errno == ENOENT else {
                throw Self.error("cannot remove '\(path)/\(name)'")
            }
        }
    }

    /// Reads the whole file `name` (a regular file with one link), at most `limit` bytes.
    public func read(_ name: String, limit: Int = 1 << 20) throws -> [UInt8] {
        try openRegularFile(name).readAll(limit: limit)
    }

    /// Entry names are single components: a slash or `..` here is a bug, never a tenant's path.
    static func checkName(_ name: String) throws {
        guard !name.isEmpty, name != ".", name != "..", !name.utf8.contains(UInt8(ascii: "/")) else {
            throw SpoolError(.pathTraversal, "'\(name)' is not a plain file name")
        }
    }

    static func error(_ message: String) -> SpoolError {
        SpoolError(.io, "\(message): \(String(cString: strerror(errno)))", retryable: true)
    }
}

/// An open regular file; closed when released.
public final class OpenFile {
    public let descriptor: Int32
    public let name: String

    init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    deinit { close(descriptor) }

    /// The file's size now.
    public var size: Int {
        var status = stat()
        return fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0
    }

    /// Every byte from the start, refusing files over `limit`.
    public func readAll(limit: Int) throws -> [UInt8] {
        let expected = size
        guard expected <= limit else {
            throw SpoolError(.documentTooLarge, "'\(name)' has \(expected) bytes, more than the limit of \(limit)")
        }
        var bytes = [UInt8](repeating: 0, count: expected)
        var offset = 0
        while offset < expected {
            let count = bytes.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress! + offset, expected - offset, off_t(offset))
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            offset += count
        }
        return Array(bytes.prefix(offset))
    }

    /// The last `count` bytes (fewer for a short file).
    public func tail(_ count: Int) -> [UInt8] {
        let length = size
        let start = max(0, length - count)
        var bytes = [UInt8](repeating: 0, count: length - start)
        let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(start)) }
        return read > 0 ? Array(bytes.prefix(read)) : []
    }
}

extension Directory {
    /// Writes a file at a relative `path` (`a/b/c.md`), creating the folders on the way; durable as
    /// ``writeDurably(_:_:durable:)``.
    public func writeDurably(path: String, _ bytes: [UInt8]) throws {
        let parts = path.split(separator: "/").map(String.init)
        guard let last = parts.last else { throw SpoolError(.pathTraversal, "empty path") }
        var folder = self
        for part in parts.dropLast() { folder = try folder.folder(part, create: true) }
        try folder.writeDurably(last, bytes)
    }
}
