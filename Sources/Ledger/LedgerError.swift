import CodedErrors

/// A refusal or failure of the ledger, with a namespaced code.
public struct LedgerError: Error, Hashable, Sendable, CodedFailure {
    /// An opaque, extensible error code such as `ERR::BILLING::INSUFFICIENT_CREDITS`.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The tenant's balance cannot cover the reservation; nothing was reserved.
        public static let insufficientCredits = Code(rawValue: "ERR::BILLING::INSUFFICIENT_CREDITS")
        /// A settle or refund for a job that has no reservation.
        public static let noReservation = Code(rawValue: "ERR::BILLING::NO_RESERVATION")
        /// A settle larger than its reservation.
        public static let settleExceedsReserve = Code(rawValue: "ERR::BILLING::SETTLE_EXCEEDS_RESERVE")
        /// The same idempotency key was used before with a different amount or kind.
        public static let idempotencyConflict = Code(rawValue: "ERR::LEDGER::IDEMPOTENCY_CONFLICT")
        /// No job with that id.
        public static let unknownJob = Code(rawValue: "ERR::LEDGER::UNKNOWN_JOB")
        /// The database could not be opened, read or written.
        public static let database = Code(rawValue: "ERR::LEDGER::DATABASE")
        /// A backup did not pass `PRAGMA integrity_check`.
        public static let backupCorrupt = Code(rawValue: "ERR::LEDGER::BACKUP_CORRUPT")
        /// An export or cursor file could not be written or read.
        public static let exportFailed = Code(rawValue: "ERR::LEDGER::EXPORT_FAILED")
        /// An argument is out of range (negative credits, malformed month, …).
        public static let invalidArgument = Code(rawValue: "ERR::LEDGER::INVALID_ARGUMENT")
    }

    public var code: Code
    public var message: String
    public var isRetryable: Bool

    public init(_ code: Code, _ message: String, retryable: Bool = false) {
        self.code = code
        self.message = message
        self.isRetryable = retryable
    }

    public var codeText: String { code.rawValue }
}
