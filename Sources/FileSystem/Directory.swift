import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// An open folder. Every operation names entries relative to it, never by absolute path, and none follows a link,
/// so nothing under a tenant's folder can redirect a read or write elsewhere.
///
/// `@unchecked Sendable`: the only state is an immutable descriptor, and the kernel serialises the `*at` calls made
/// on it from several threads.
public final class Directory: @unchecked Sendable {
    public let descriptor: FileDescriptor
    /// The folder's path, for messages and logs only (never used to open anything).
    public let path: String

    init(descriptor: FileDescriptor, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { try? descriptor.close() }

    /// Opens the folder at `path` (its last component must not be a link).
    public static func open(path: String) throws -> Directory {
        let raw = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard raw >= 0 else { throw FileSystemError.lastCall("cannot open folder '\(path)'") }
        return Directory(descriptor: FileDescriptor(rawValue: raw), path: path)
    }

    /// Opens the folder at `path`, creating it (not its parents) first when it does not exist.
    public static func open(path: String, create: Bool) throws -> Directory {
        if create, mkdir(path, 0o755) != 0, errno != EEXIST {
            throw FileSystemError.lastCall("cannot create the folder '\(path)'")
        }
        return try open(path: path)
    }

    /// Opens the subfolder `name`, creating it first when `create` is set.
    public func folder(_ name: String, create: Bool = false) throws -> Directory {
        try Self.checkName(name)
        if create, mkdirat(descriptor.rawValue, name, 0o755) != 0, errno != EEXIST {
            throw FileSystemError.lastCall("cannot create folder '\(path)/\(name)'")
        }
        let child = openat(descriptor.rawValue, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard child >= 0 else {
            let cause = Errno.ofLastCall
            if cause == .tooManySymbolicLinkLevels || cause == .notDirectory {
                throw FileSystemError(.symlink, "'\(path)/\(name)' is not a plain folder", cause: cause)
            }
            throw FileSystemError.io("cannot open folder '\(path)/\(name)'", cause)
        }
        return Directory(descriptor: FileDescriptor(rawValue: child), path: path + "/" + name)
    }

    /// The entry names, sorted, without `.` and `..`.
    public func names() throws -> [String] {
        let copy = dup(descriptor.rawValue)
        guard copy >= 0 else { throw FileSystemError.lastCall("cannot list '\(path)'") }
        guard let stream = fdopendir(copy) else {
            let cause = Errno.ofLastCall
            close(copy)
            throw FileSystemError.io("cannot list '\(path)'", cause)
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
        guard fstatat(descriptor.rawValue, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
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
        let raw = openat(descriptor.rawValue, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard raw >= 0 else {
            let cause = Errno.ofLastCall
            if cause == .tooManySymbolicLinkLevels {
                throw FileSystemError(.symlink, "'\(name)' is a symbolic link", cause: cause)
            }
            throw FileSystemError.io("cannot open '\(path)/\(name)'", cause)
        }
        let handle = OpenFile(descriptor: FileDescriptor(rawValue: raw), name: name)
        var status = stat()
        guard fstat(raw, &status) == 0 else { throw FileSystemError.lastCall("cannot stat '\(name)'") }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw FileSystemError(.notRegularFile, "'\(name)' is not a regular file")
        }
        guard status.st_nlink == 1 else {
            throw FileSystemError(.hardlink, "'\(name)' has \(status.st_nlink) hard links")
        }
        return handle
    }

    /// Renames the entry `name` into `target` as `newName` (same file system; links are moved, not followed).
    public func move(_ name: String, to target: Directory, as newName: String? = nil) throws {
        try Self.checkName(name)
        guard renameat(descriptor.rawValue, name, target.descriptor.rawValue, newName ?? name) == 0 else {
            throw FileSystemError.lastCall("cannot move '\(path)/\(name)' to '\(target.path)/\(newName ?? name)'")
        }
    }

    /// Flushes the folder's entries (renames, creations) to disk.
    public func sync() throws {
        guard fsync(descriptor.rawValue) == 0 else { throw FileSystemError.lastCall("cannot fsync folder '\(path)'") }
    }

    /// Removes `name` and, for a folder, everything below it, without following links.
    public func remove(_ name: String) throws {
        try Self.checkName(name)
        guard let signature = signature(name) else { return }
        if signature.kind == .folder {
            let child = try folder(name)
            for entry in try child.names() { try child.remove(entry) }
            guard unlinkat(descriptor.rawValue, name, AT_REMOVEDIR) == 0 || errno == ENOENT else {
                throw FileSystemError.lastCall("cannot remove folder '\(path)/\(name)'")
            }
        } else {
            guard unlinkat(descriptor.rawValue, name, 0) == 0 || errno == ENOENT else {
                throw FileSystemError.lastCall("cannot remove '\(path)/\(name)'")
            }
        }
    }

    /// Reads the whole file `name` (a regular file with one link), at most `limit` bytes.
    public func read(_ name: String, limit: Int = 1 << 20) throws -> [UInt8] {
        try openRegularFile(name).readAll(limit: limit)
    }

    /// Entry names are single components: a slash or `..` here is a bug, never a tenant's path.
    public static func checkName(_ name: String) throws {
        guard !name.isEmpty, name != ".", name != "..", !name.utf8.contains(UInt8(ascii: "/")) else {
            throw FileSystemError(.pathTraversal, "'\(name)' is not a plain file name")
        }
    }
}

extension Directory {
    /// `path` made absolute with links resolved (`realpath`), for places that name files to another program (the
    /// `<available_skills>` locations); `path` itself when it cannot be resolved. Never used to open anything.
    public static func absolutePath(_ path: String) -> String {
        var resolved = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard realpath(path, &resolved) != nil else { return path }
        return String(decoding: resolved.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
