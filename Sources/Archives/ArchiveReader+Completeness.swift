import CArchive

extension ArchiveReader {
    /// Whether the archive reads to its end: every member header and all member data decode, compressed streams
    /// included (a gzip stream cut anywhere fails here). Nothing is written; the read stops after `maxMembers`.
    public func readsToEnd(maxMembers: Int = 100_000) -> Bool {
        var entry: OpaquePointer?
        for _ in 0..<maxMembers {
            let status = archive_read_next_header(handle, &entry)
            if status == ARCHIVE_EOF { return true }
            guard status == ARCHIVE_OK || status == ARCHIVE_WARN else { return false }
            guard archive_read_data_skip(handle) == ARCHIVE_OK else { return false }
        }
        return false
    }
}
