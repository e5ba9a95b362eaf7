import CArchive

/// One file of a zip being written.
public struct ZipEntry: Sendable, Hashable {
    /// A relative path with forward slashes.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// Writes zips whose bytes depend only on the entries: sorted paths, a folder entry for every parent, the DOS
/// epoch (1980-01-01) as every timestamp, permissions 0644/0755, owner 0, and stored (uncompressed) data, so no
/// zlib version can change a byte. The same skill gives the same sha256 on any machine.
public enum ZipWriter {
    /// 1980-01-01T00:00:00Z, the earliest time a zip's DOS date can hold.
    static let timestamp = 315_532_800

    /// The zip holding `entries`.
    /// - Throws: ``ArchiveError`` `ERR::ARCHIVE::BAD_MEMBER` for an unsafe or repeated path, `ERR::ARCHIVE::IO` when
    ///   libarchive fails.
    public static func archive(_ entries: [ZipEntry]) throws -> [UInt8] {
        var files: [String: [UInt8]] = [:]
        var folders = Set<String>()
        for entry in entries {
            let path = try ArchiveMemberPath(raw: entry.path, maxDepth: 32)
            guard !path.isFolder, path.description == entry.path else {
                throw ArchiveError(.badMember, "'\(entry.path)' is not a plain relative file path")
            }
            guard files.updateValue(entry.bytes, forKey: entry.path) == nil else {
                throw ArchiveError(.badMember, "'\(entry.path)' appears twice")
            }
            for depth in 1..<path.components.count {
                folders.insert(path.components.prefix(depth).joined(separator: "/") + "/")
            }
        }
        let members = (folders.map { ($0, [UInt8]?.none) } + files.map { ($0.key, Optional($0.value)) })
            .sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        let capacity = members.reduce(4_096) { $0 + 256 + 3 * $1.0.utf8.count + ($1.1?.count ?? 0) }
        var buffer = [UInt8](repeating: 0, count: capacity)
        var used = 0
        guard let handle = archive_write_new() else { throw ArchiveError(.io, "cannot allocate a zip writer") }
        defer { archive_write_free(handle) }
        archive_write_set_format_zip(handle)
        archive_write_zip_set_compression_store(handle)
        let opened = buffer.withUnsafeMutableBytes { raw in
            archive_write_open_memory(handle, raw.baseAddress, raw.count, &used)
        }
        guard opened == ARCHIVE_OK else { throw failure(handle, "open") }
        for (path, bytes) in members {
            guard let entry = archive_entry_new() else { throw ArchiveError(.io, "cannot allocate a zip entry") }
            defer { archive_entry_free(entry) }
            archive_entry_set_pathname(entry, path)
            archive_entry_set_mtime(entry, time_t(timestamp), 0)
            archive_entry_set_uid(entry, 0)
            archive_entry_set_gid(entry, 0)
            if let bytes {
                archive_entry_set_filetype(entry, skillspool_ae_ifreg)
                archive_entry_set_perm(entry, 0o644)
                archive_entry_set_size(entry, la_int64_t(bytes.count))
            } else {
                archive_entry_set_filetype(entry, skillspool_ae_ifdir)
                archive_entry_set_perm(entry, 0o755)
                archive_entry_set_size(entry, 0)
            }
            guard archive_write_header(handle, entry) == ARCHIVE_OK else { throw failure(handle, "header of \(path)") }
            if let bytes, !bytes.isEmpty {
                let written = bytes.withUnsafeBytes { archive_write_data(handle, $0.baseAddress, $0.count) }
                guard written == bytes.count else { throw failure(handle, "data of \(path)") }
            }
        }
        guard archive_write_close(handle) == ARCHIVE_OK else { throw failure(handle, "close") }
        return Array(buffer.prefix(used))
    }

    private static func failure(_ handle: OpaquePointer, _ step: String) -> ArchiveError {
        let message = archive_error_string(handle).map { String(cString: $0) } ?? "unknown error"
        return ArchiveError(.io, "zip \(step): \(message)")
    }
}
