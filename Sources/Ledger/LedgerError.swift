import CodedErrors

/// A refusal or failure of the ledger, with a namespaced code.
public typealias LedgerError = CodedError<LedgerErrorCode>

/// An opaque, extensible error code such as `ERR::BILLING::INSUFFICIENT_CREDITS`.
public struct LedgerErrorCode: ErrorCode {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The tenant's balance cannot cover the reservation; nothing was reserved.
    public static let insufficientCredits = Self(rawValue: "ERR::BILLING::INSUFFICIENT_CREDITS")
    /// A settle or refund for a job that has no reservation.
    public static let noReservation = Self(rawValue: "ERR::BILLING::NO_RESERVATION")
    /// A settle larger than its reservation.
    public static let settleExceedsReserve = Self(rawValue: "ERR::BILLING::SETTLE_EXCEEDS_RESERVE")
    /// The same idempotency key was used before with a different amount or kind.
    public static let idempotencyConflict = Self(rawValue: "ERR::LEDGER::IDEMPOTENCY_CONFLICT")
    /// No job with that id.
    public static let unknownJob = Self(rawValue: "ERR::LEDGER::UNKNOWN_JOB")
    /// The database could not be opened, read or written.
    public static let database = Self(rawValue: "ERR::LEDGER::DATABASE")
    /// A backup did not pass `PRAGMA integrity_check`.
    public static let backupCorrupt = Self(rawValue: "ERR::LEDGER::BACKUP_CORRUPT")
    /// An export or cursor file could not be written or read.
    public static let exportFailed = Self(rawValue: "ERR::LEDGER::EXPORT_FAILED")
    /// An argument is out of range (negative credits, malformed month, …).
    public static let invalidArgument = Self(rawValue: "ERR::LEDGER::INVALID_ARGUMENT")
    /// The `ledger` setting is neither a SQLite path nor a usable `postgresql://` URL.
    public static let invalidLocation = Self(rawValue: "ERR::LEDGER::INVALID_LOCATION")
    /// The operation does not exist on this engine (a SQLite backup asked of PostgreSQL: use `pg_dump`).
    public static let unsupported = Self(rawValue: "ERR::LEDGER::UNSUPPORTED")
    /// `ledger migrate` found rows in the target ledger; it only fills an empty one.
    public static let targetNotEmpty = Self(rawValue: "ERR::LEDGER::TARGET_NOT_EMPTY")
    /// `ledger migrate` copied, but the target's counts or sums differ from the source's.
    public static let migrationMismatch = Self(rawValue: "ERR::LEDGER::MIGRATION_MISMATCH")
    /// A case's claim number belongs to another case of the tenant, or differs from the one the case has.
    public static let caseConflict = Self(rawValue: "ERR::CASE::CONFLICT")
    /// No case with that slug (or claim number) for the tenant.
    public static let unknownCase = Self(rawValue: "ERR::CASE::UNKNOWN")
}
