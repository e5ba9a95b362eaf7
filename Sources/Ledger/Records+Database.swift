import GRDB

// How the records map to the ledger's tables: columns by name (each record's `CodingKeys`), enums by their raw
// values. A value an enum does not know (a row written by hand, a newer schema) fails the read with GRDB's decoding
// error instead of turning into a default.

extension JobStatus: DatabaseValueConvertible {}
extension JobStage: DatabaseValueConvertible {}
extension CreditKind: DatabaseValueConvertible {}

extension JobRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "jobs"
}

extension DocumentRecord: FetchableRecord {}
extension OutputRecord: FetchableRecord {}
extension QAScoreRecord: FetchableRecord {}
extension JobEventRecord: FetchableRecord {}

extension CreditEntry: FetchableRecord {}
