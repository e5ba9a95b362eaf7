import FileSystem
import GRDB

extension Ledger {
    /// Copies a SQLite ledger to `path` with `VACUUM INTO` (a consistent snapshot while others write), checks the
    /// copy with `PRAGMA integrity_check`, then renames it into place.
    ///
    /// - Throws: `ERR::LEDGER::BACKUP_CORRUPT` when the copy fails the check (nothing is left at `path`);
    ///   `ERR::LEDGER::UNSUPPORTED` on PostgreSQL, whose own `pg_dump` takes consistent backups (docs/scale-out.md).
    public func backup(to path: String) throws {
        guard let sqlite = engine as? SQLiteEngine else {
            throw LedgerError(
                .unsupported,
                "a PostgreSQL ledger is backed up with pg_dump (e.g. pg_dump --format=custom --file=\(path) DB)"
            )
        }
        let (folder, name) = try Ledger.mappingFileErrors { try Directory.openParent(of: path) }
        let temporaryName = DurableFileWriter.temporaryName(for: name)
        let temporary = folder.path + "/" + temporaryName
        try? folder.remove(temporaryName)
        defer { try? folder.remove(temporaryName) }
        do {
            // VACUUM cannot run inside a transaction; it takes its own read snapshot.
            try sqlite.pool.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM INTO ?", arguments: [temporary])
            }
        } catch {
            throw LedgerError.sqlite("VACUUM INTO '\(temporary)' failed", error)
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
        try Ledger.mappingFileErrors { try folder.publish(temporaryName, as: name) }
    }
}

extension Ledger {
    /// Runs a file operation of an export or backup; its failure becomes `ERR::LEDGER::EXPORT_FAILED`, keeping the
    /// file-system error (and its `retryable`) as the cause.
    static func mappingFileErrors<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as FileSystemError {
            throw LedgerError(.exportFailed, error.message, retryable: error.isRetryable, cause: error)
        }
    }
}
