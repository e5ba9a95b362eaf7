import CodedErrors
import FileSystem

/// Why the spool refused an input or could not finish a job. Written to `failed/<job>/error.json`.
public typealias SpoolError = CodedError<SpoolErrorCode>

/// An `ERR::SCOPE::REASON` code.
public struct SpoolErrorCode: ErrorCode {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A PDF that never became complete (no `%%EOF`) within the tenant's upload window.
    public static let incompleteUpload = Self(rawValue: "ERR::INPUT::INCOMPLETE_UPLOAD")
    /// A file named `.pdf` that does not begin like one (no `%PDF-` header in its first 1,024 bytes).
    public static let notPDF = Self(rawValue: "ERR::INPUT::NOT_PDF")
    /// A file that is neither a PDF, a manifest nor a supported archive.
    public static let unsupportedFile = Self(rawValue: "ERR::INPUT::UNSUPPORTED_FILE")
    /// An archive holding no PDF.
    public static let emptyArchive = Self(rawValue: "ERR::INPUT::EMPTY_ARCHIVE")
    /// A symbolic link in the inbox or named by a manifest.
    public static let symlink = Self(rawValue: FileSystemErrorCode.symlink.rawValue)
    /// A file with more than one hard link (it may be another tenant's file).
    public static let hardlink = Self(rawValue: FileSystemErrorCode.hardlink.rawValue)
    /// A FIFO, socket, device or folder where a file was expected.
    public static let notRegularFile = Self(rawValue: FileSystemErrorCode.notRegularFile.rawValue)
    /// A manifest path with a `..` component.
    public static let pathTraversal = Self(rawValue: FileSystemErrorCode.pathTraversal.rawValue)
    /// A manifest path that is absolute.
    public static let absolutePath = Self(rawValue: "ERR::SECURITY::ABSOLUTE_PATH")
    /// A manifest path into a subfolder: documents must sit in the inbox itself.
    public static let outsideInbox = Self(rawValue: "ERR::SECURITY::OUTSIDE_INBOX")
    /// A manifest that is not complete JSON within the tenant's upload window.
    public static let manifestJSON = Self(rawValue: "ERR::MANIFEST::INVALID_JSON")
    /// A manifest field the schema does not know.
    public static let manifestUnknownField = Self(rawValue: "ERR::MANIFEST::UNKNOWN_FIELD")
    /// A manifest field of the wrong type or with a value out of range.
    public static let manifestInvalid = Self(rawValue: "ERR::MANIFEST::INVALID_FIELD")
    /// A manifest page selection that does not parse.
    public static let manifestPages = Self(rawValue: "ERR::MANIFEST::BAD_PAGES")
    /// A format no engine offers.
    public static let unknownFormat = Self(rawValue: "ERR::MANIFEST::UNKNOWN_FORMAT")
    /// A format the tenant's plan does not include.
    public static let formatNotAllowed = Self(rawValue: "ERR::MANIFEST::FORMAT_NOT_ALLOWED")
    /// A document the manifest names that did not arrive in time.
    public static let missingDocument = Self(rawValue: "ERR::MANIFEST::MISSING_DOCUMENT")
    /// More documents than the plan allows per job.
    public static let tooManyDocuments = Self(rawValue: "ERR::PLAN::TOO_MANY_DOCUMENTS")
    /// A document larger than the plan allows.
    public static let documentTooLarge = Self(rawValue: "ERR::PLAN::DOCUMENT_TOO_LARGE")
    /// A document with more pages than the plan allows.
    public static let tooManyPages = Self(rawValue: "ERR::PLAN::TOO_MANY_PAGES")
    /// An input that grew after it was claimed: its uploader had only paused. Nothing is published from it.
    public static let changedAfterClaim = Self(rawValue: "ERR::INPUT::CHANGED_AFTER_CLAIM")
    /// A job's worker ran past the tenant's `secondsPerDocument` and was killed.
    public static let timeout = Self(rawValue: "ERR::LIMIT::TIMEOUT")
    /// A job's worker ran out of the tenant's `memoryPerJobBytes`.
    public static let memory = Self(rawValue: "ERR::LIMIT::MEMORY")
    /// The engine crashed on a document (a signal or an abnormal exit of the job's worker).
    public static let engineCrash = Self(rawValue: "ERR::INPUT::ENGINE_CRASH")
    /// A job's worker could not be started or left no usable result.
    public static let workerFailed = Self(rawValue: "ERR::SPOOL::WORKER")
    /// A job that crashed the daemon on every attempt.
    public static let crashLoop = Self(rawValue: "ERR::INTERNAL::CRASH_LOOP")
    /// A job a reviewer rejected.
    public static let rejected = Self(rawValue: "ERR::REVIEW::REJECTED")
    /// A case's claim number belongs to another case, or a manifest in a case folder names another case.
    public static let caseConflict = Self(rawValue: "ERR::CASE::CONFLICT")
    /// `ARCHIVE` or `REOPEN` dropped for a case the tenant does not have.
    public static let unknownCase = Self(rawValue: "ERR::CASE::UNKNOWN")
    /// A file-system operation on the spool failed.
    public static let io = Self(rawValue: FileSystemErrorCode.io.rawValue)
    /// Another daemon already serves this spool (it holds `spool/.lock`). Two daemons without a shared database
    /// would claim the same files and lose some.
    public static let spoolInUse = Self(rawValue: "ERR::SPOOL::IN_USE")
    /// An unknown tenant or job named on the command line.
    public static let notFound = Self(rawValue: "ERR::SPOOL::NOT_FOUND")
}

/// The coded form of any error a job can end with (engine, ledger, archive or spool), as `error.json` holds it.
public struct JobFailure: Sendable, Hashable, CodedFailure {
    public var code: String
    public var message: String
    public var isRetryable: Bool

    public init(code: String, message: String, isRetryable: Bool) {
        self.code = code
        self.message = message
        self.isRetryable = isRetryable
    }

    public var codeText: String { code }
}

extension OpenFile {
    /// Every byte of a tenant's document, refusing one over the plan's `limit` with `ERR::PLAN::DOCUMENT_TOO_LARGE`.
    func readWithinPlan(limit: Int) throws -> [UInt8] {
        let size = size
        guard size <= limit else {
            throw SpoolError(.documentTooLarge, "'\(name)' has \(size) bytes, more than the limit of \(limit)")
        }
        return try readAll(limit: limit)
    }
}
