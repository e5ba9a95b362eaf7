import CodedErrors
import GRDB

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
}

extension CodedError where Kind == LedgerErrorCode {
    /// A database failure, keeping GRDB's error as the cause: retryable when SQLite says the database was busy or
    /// locked, full, or failed at the I/O layer; not when a constraint, a corrupt file, a missing folder or
    /// permissions refused it.
    static func database(_ message: String, _ cause: any Error) -> Self {
        let retryable: Bool
        if let error = cause as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_PROTOCOL: retryable = true
            default: retryable = false
            }
        } else {
            retryable = false
        }
        return Self(.database, "\(message): \(cause)", retryable: retryable, cause: cause)
    }
}
