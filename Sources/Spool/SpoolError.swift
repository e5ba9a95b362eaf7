import CodedErrors

/// Why the spool refused an input or could not finish a job. Written to `failed/<job>/error.json`.
public struct SpoolError: Error, CodedFailure, Sendable, Hashable {
    /// An `ERR::SCOPE::REASON` code.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A PDF that never became complete (no `%%EOF`) within the tenant's upload window.
        public static let incompleteUpload = Code(rawValue: "ERR::INPUT::INCOMPLETE_UPLOAD")
        /// A file that is neither a PDF, a manifest nor a supported archive.
        public static let unsupportedFile = Code(rawValue: "ERR::INPUT::UNSUPPORTED_FILE")
        /// An archive holding no PDF.
        public static let emptyArchive = Code(rawValue: "ERR::INPUT::EMPTY_ARCHIVE")
        /// A symbolic link in the inbox or named by a manifest.
        public static let symlink = Code(rawValue: "ERR::SECURITY::SYMLINK")
        /// A file with more than one hard link (it may be another tenant's file).
        public static let hardlink = Code(rawValue: "ERR::SECURITY::HARDLINK")
        /// A FIFO, socket, device or folder where a file was expected.
        public static let notRegularFile = Code(rawValue: "ERR::SECURITY::NOT_REGULAR_FILE")
        /// A manifest path with a `..` component.
        public static let pathTraversal = Code(rawValue: "ERR::SECURITY::PATH_TRAVERSAL")
        /// A manifest path that is absolute.
        public static let absolutePath = Code(rawValue: "ERR::SECURITY::ABSOLUTE_PATH")
        /// A manifest path into a subfolder: documents must sit in the inbox itself.
        public static let outsideInbox = Code(rawValue: "ERR::SECURITY::OUTSIDE_INBOX")
        /// A manifest that is not complete JSON within the tenant's upload window.
        public static let manifestJSON = Code(rawValue: "ERR::MANIFEST::INVALID_JSON")
        /// A manifest field the schema does not know.
        public static let manifestUnknownField = Code(rawValue: "ERR::MANIFEST::UNKNOWN_FIELD")
        /// A manifest field of the wrong type or with a value out of range.
        public static let manifestInvalid = Code(rawValue: "ERR::MANIFEST::INVALID_FIELD")
        /// A manifest page selection that does not parse.
        public static let manifestPages = Code(rawValue: "ERR::MANIFEST::BAD_PAGES")
        /// A format no engine offers.
        public static let unknownFormat = Code(rawValue: "ERR::MANIFEST::UNKNOWN_FORMAT")
        /// A format the tenant's plan does not include.
        public static let formatNotAllowed = Code(rawValue: "ERR::MANIFEST::FORMAT_NOT_ALLOWED")
        /// A document the manifest names that did not arrive in time.
        public static let missingDocument = Code(rawValue: "ERR::MANIFEST::MISSING_DOCUMENT")
        /// More documents than the plan allows per job.
        public static let tooManyDocuments = Code(rawValue: "ERR::PLAN::TOO_MANY_DOCUMENTS")
        /// A document larger than the plan allows.
        public static let documentTooLarge = Code(rawValue: "ERR::PLAN::DOCUMENT_TOO_LARGE")
        /// A document with more pages than the plan allows.
        public static let tooManyPages = Code(rawValue: "ERR::PLAN::TOO_MANY_PAGES")
        /// A job that crashed the daemon on every attempt.
        public static let crashLoop = Code(rawValue: "ERR::INTERNAL::CRASH_LOOP")
        /// A job a reviewer rejected.
        public static let rejected = Code(rawValue: "ERR::REVIEW::REJECTED")
        /// A file-system operation on the spool failed.
        public static let io = Code(rawValue: "ERR::SPOOL::IO")
        /// An unknown tenant or job named on the command line.
        public static let notFound = Code(rawValue: "ERR::SPOOL::NOT_FOUND")
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

/// The coded form of any error a job can end with (engine, ledger, archive or spool), as `error.json` holds it.
public struct JobFailure: Sendable, Hashable {
    public var code: String
    public var message: String
    public var isRetryable: Bool

    public init(code: String, message: String, isRetryable: Bool) {
        self.code = code
        self.message = message
        self.isRetryable = isRetryable
    }
}
