import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Ledger {
    /// Copies the ledger to `path` with `VACUUM INTO` (a consistent snapshot while others write), checks the copy
    /// with `PRAGMA integrity_check`, then renames it into place.
    ///
    /// - Throws: `ERR::LEDGER::BACKUP_CORRUPT` when the copy fails the check (nothing is left at `path`).
    public func backup(to path: String) throws {
        let folder = DurableFileWriter.folder(of: path)
        let name = String(path.split(separator: "/").last ?? "backup")
        let temporary = folder + "/." + name + ".tmp-\(getpid())"
        unlink(temporary)
        defer { unlink(temporary) }
        do {
            // VACUUM cannot run inside a transaction; it takes its own read snapshot.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [temporary]) }
        } catch {
            throw LedgerError(.database, "VACUUM INTO '\(temporary)' failed: \(error)", retryable: true)
        }
        let result: String
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let copy = try DatabaseQueue(path: temporary, configuration: configuration)
            result = try copy.read { db in
                try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
            }
            try copy.close()
        } catch {
            throw LedgerError(.backupCorrupt, "the backup cannot be opened: \(error)")
        }
        guard result == "ok" else { throw LedgerError(.backupCorrupt, "integrity_check of the backup: \(result)") }
        let handle = open(temporary, O_RDONLY | O_CLOEXEC)
        if handle >= 0 {
            fsync(handle)
            close(handle)
        }
        guard rename(temporary, path) == 0 else {
            throw LedgerError(.exportFailed, "cannot rename the backup to '\(path)': \(DurableFileWriter.errorText())")
        }
        try DurableFileWriter.syncFolder(folder)
    }
}
