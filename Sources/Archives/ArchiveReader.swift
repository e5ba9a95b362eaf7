import CArchive
import FileSystem
import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// One member written by ``ArchiveReader/extract(into:limits:)``.
public struct ExtractedMember: Sendable, Hashable {
    /// The path below the extraction folder.
    public var path: String
    public var bytes: Int
}

/// Reads a `.zip`, `.tar` or `.tar.gz` from an open descriptor and extracts it safely.
///
/// Owns the libarchive read handle; lend it to a scope with ``withArchive(descriptor:_:)``. Not thread-safe: one
/// reader belongs to the one task that opened it.
public final class ArchiveReader {
    let handle: OpaquePointer
    private let archiveBytes: Int

    private init(descriptor: Int32) throws {
        let handle = try Self.newHandle()
        var status = stat()
        archiveBytes = fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0
        guard archive_read_open_fd(handle, descriptor, 64 * 1024) == ARCHIVE_OK else {
            let message = Self.message(handle)
            archive_read_free(handle)
            throw ArchiveError(.corrupt, "not a readable zip or tar archive: \(message)")
        }
        self.handle = handle
    }

    /// Reads from memory that stays valid and unchanged for the reader's whole life (see ``withArchive(bytes:_:)``).
    private init(memory: UnsafeRawBufferPointer) throws {
        let handle = try Self.newHandle()
        archiveBytes = memory.count
        guard archive_read_open_memory(handle, memory.baseAddress, memory.count) == ARCHIVE_OK else {
            let message = Self.message(handle)
            archive_read_free(handle)
            throw ArchiveError(.corrupt, "not a readable zip or tar archive: \(message)")
        }
        self.handle = handle
    }

    private static func newHandle() throws -> OpaquePointer {
        guard let handle = archive_read_new() else { throw ArchiveError(.io, "cannot allocate an archive reader") }
        archive_read_support_format_zip(handle)
        archive_read_support_format_tar(handle)
        archive_read_support_format_gnutar(handle)
        archive_read_support_filter_gzip(handle)
        return handle
    }

    deinit { archive_read_free(handle) }

    /// Opens the archive on `descriptor` (which stays the caller's to close) for the duration of `body`.
    public static func withArchive<T>(descriptor: Int32, _ body: (ArchiveReader) throws -> T) throws -> T {
        let reader = try ArchiveReader(descriptor: descriptor)
        return try body(reader)
    }

    /// Opens an archive held in memory (a Word package) for the duration of `body`.
    public static func withArchive<T>(bytes: [UInt8], _ body: (ArchiveReader) throws -> T) throws -> T {
        try bytes.withUnsafeBytes { memory in
            let reader = try ArchiveReader(memory: memory)
            return try body(reader)
        }
    }

    /// Extracts every member below the folder open at `directory`, refusing anything that could escape it.
    ///
    /// Folders are created with `mkdirat`, files with `O_CREAT | O_EXCL | O_NOFOLLOW` relative to descriptors this
    /// function opened itself, so no link, existing or planted, is ever followed. Sizes are counted as bytes are
    /// written, never taken from headers. On error, what was written stays for the caller to remove.
    /// - Throws: ``ArchiveError`` with the reason of the first refusal.
    public func extract(into directory: Int32, limits: ArchiveLimits = .default) throws -> [ExtractedMember] {
        var members: [ExtractedMember] = []
        var total = 0
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        try forEachEntry(limits: limits) { entry, raw in
            let path = try ArchiveMemberPath(raw: raw, maxDepth: limits.maxDepth)
            if archive_entry_hardlink(entry) != nil {
                throw ArchiveError(.linkMember, "member '\(path)' is a hard link")
            }
            let type = UInt32(archive_entry_filetype(entry))
            if type == skillspool_ae_iflnk || archive_entry_symlink(entry) != nil {
                throw ArchiveError(.linkMember, "member '\(path)' is a symbolic link")
            }
            if type == skillspool_ae_ifdir || (type == 0 && path.isFolder) {
                if !path.isNoise { try Self.openFolder(path.components, below: directory).map { _ = close($0) } }
                return
            }
            guard type == skillspool_ae_ifreg else {
                throw ArchiveError(.specialMember, "member '\(path)' is not a regular file")
            }
            if path.isNoise { return }
            let bytes = try write(path, below: directory, buffer: &buffer, total: &total, limits: limits)
            members.append(ExtractedMember(path: path.description, bytes: bytes))
        }
        return members
    }

    /// Calls `body` with each member's header and stored name, counting members against the limit.
    func forEachEntry(limits: ArchiveLimits, _ body: (OpaquePointer, String) throws -> Void) throws {
        var entry: OpaquePointer?
        var count = 0
        while true {
            let status = archive_read_next_header(handle, &entry)
            if status == ARCHIVE_EOF { return }
            guard status == ARCHIVE_OK || status == ARCHIVE_WARN, let entry else {
                throw ArchiveError(.corrupt, "cannot read the next member: \(Self.message(handle))")
            }
            count += 1
            guard count <= limits.maxMembers else {
                throw ArchiveError(.tooManyMembers, "more than \(limits.maxMembers) members")
            }
            try body(entry, archive_entry_pathname(entry).map { String(cString: $0) } ?? "")
        }
    }

    /// Reads the current member's data in chunks through `buffer`, handing each chunk to `chunk`.
    func readData(
        of member: String,
        buffer: inout [UInt8],
        _ chunk: (ArraySlice<UInt8>) throws -> Void
    )
        throws
    {
        while true {
            let count = buffer.withUnsafeMutableBytes { archive_read_data(handle, $0.baseAddress, $0.count) }
            if count == 0 { return }
            guard count > 0 else {
                throw ArchiveError(.corrupt, "member '\(member)' cannot be read: \(Self.message(handle))")
            }
            try chunk(buffer[0..<count])
        }
    }

    private func write(
        _ path: ArchiveMemberPath,
        below directory: Int32,
        buffer: inout [UInt8],
        total: inout Int,
        limits: ArchiveLimits
    ) throws -> Int {
        let parent = try Self.openFolder(Array(path.components.dropLast()), below: directory)
        defer { if let parent { close(parent) } }
        let file = openat(
            parent ?? directory,
            path.components.last!,
            O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
            0o644
        )
        guard file >= 0 else {
            if errno == EEXIST { throw ArchiveError(.badMember, "member '\(path)' appears twice") }
            throw ArchiveError.io("cannot create '\(path)'", Errno.ofLastCall)
        }
        defer { close(file) }
        var written = 0
        try readData(of: path.description, buffer: &buffer) { data in
            let count = data.count
            written += count
            total += count
            guard total <= limits.maxTotalBytes else {
                throw ArchiveError(.tooLarge, "extracting would write more than \(limits.maxTotalBytes) bytes")
            }
            // Below 1 MiB a high ratio is harmless (small text compresses well); above it, it is a bomb.
            if total > 1 << 20, total / max(archiveBytes, 1) > limits.maxCompressionRatio {
                throw ArchiveError(
                    .compressionRatio,
                    "members expand to more than \(limits.maxCompressionRatio)x the archive's \(archiveBytes) bytes"
                )
            }
            do {
                try FileDescriptor(rawValue: file).writeEverything(data, name: "\(path)")
            } catch let error as FileSystemError {
                throw ArchiveError(.io, error.message, retryable: error.isRetryable, cause: error)
            }
        }
        return written
    }

    /// Opens (creating as needed) the folder `components` below `directory`; nil for the root itself.
    private static func openFolder(_ components: [String], below directory: Int32) throws -> Int32? {
        var current: Int32? = nil
        for component in components {
            let base = current ?? directory
            if mkdirat(base, component, 0o755) != 0, errno != EEXIST {
                let cause = Errno.ofLastCall
                if let current { close(current) }
                throw ArchiveError.io("cannot create folder '\(component)'", cause)
            }
            let next = openat(base, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if let current { close(current) }
            guard next >= 0 else {
                throw ArchiveError(.badMember, "folder '\(component)' is not a plain folder")
            }
            current = next
        }
        return current
    }

    static func message(_ handle: OpaquePointer) -> String {
        archive_error_string(handle).map { String(cString: $0) } ?? "unknown error"
    }
}

/// A member read into memory by ``ArchiveReader/readMembers(limits:)``, path unchecked (for inspection).
public struct ArchiveMember: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case file
        case folder
        case link
        case other
    }

    /// The name exactly as stored.
    public var rawPath: String
    public var kind: Kind
    /// The data of a file (empty for other kinds).
    public var bytes: [UInt8]
}

extension ArchiveReader {
    /// Reads every member into memory without writing anything, for inspecting an archive made elsewhere (QA of a
    /// skill zip). Paths are returned as stored; sizes and counts are limited as in ``extract(into:limits:)``.
    /// `wanted` picks the members whose data is read by stored name; the others are skipped unread.
    public func readMembers(
        limits: ArchiveLimits = .default,
        wanted: (String) -> Bool = { _ in true }
    ) throws -> [ArchiveMember] {
        var members: [ArchiveMember] = []
        var total = 0
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        try forEachEntry(limits: limits) { entry, raw in
            let type = UInt32(archive_entry_filetype(entry))
            var member = ArchiveMember(rawPath: raw, kind: .other, bytes: [])
            if archive_entry_hardlink(entry) != nil || archive_entry_symlink(entry) != nil
                || type == skillspool_ae_iflnk
            {
                member.kind = .link
            } else if type == skillspool_ae_ifdir || (type == 0 && raw.hasSuffix("/")) {
                member.kind = .folder
            } else if type == skillspool_ae_ifreg {
                member.kind = .file
                guard wanted(raw) else {
                    members.append(member)
                    return
                }
                try readData(of: raw, buffer: &buffer) { data in
                    total += data.count
                    guard total <= limits.maxTotalBytes else {
                        throw ArchiveError(.tooLarge, "members hold more than \(limits.maxTotalBytes) bytes")
                    }
                    member.bytes += data
                }
            }
            members.append(member)
        }
        return members
    }
}
