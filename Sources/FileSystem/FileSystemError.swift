import CodedErrors
import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// Why a file operation failed or was refused.
public typealias FileSystemError = CodedError<FileSystemErrorCode>

/// An `ERR::SCOPE::REASON` code of the file-system layer. The security codes are the ones tenants see in
/// `error.json` when an inbox holds something that is not a plain file of its own.
public struct FileSystemErrorCode: ErrorCode {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A symbolic link where a file or folder was expected.
    public static let symlink = Self(rawValue: "ERR::SECURITY::SYMLINK")
    /// A file with more than one hard link (it may be another tenant's file).
    public static let hardlink = Self(rawValue: "ERR::SECURITY::HARDLINK")
    /// A FIFO, socket, device or folder where a regular file was expected.
    public static let notRegularFile = Self(rawValue: "ERR::SECURITY::NOT_REGULAR_FILE")
    /// A name that is not one plain path component (empty, `.`, `..` or holding a slash).
    public static let pathTraversal = Self(rawValue: "ERR::SECURITY::PATH_TRAVERSAL")
    /// A file larger than the caller's limit.
    public static let tooLarge = Self(rawValue: "ERR::INPUT::TOO_LARGE")
    /// A system call on the spool failed; the cause holds its `Errno`.
    public static let io = Self(rawValue: "ERR::SPOOL::IO")
}

extension CodedError where Kind == FileSystemErrorCode {
    /// A failed system call: `retryable` follows from the error number.
    public static func io(_ message: String, _ cause: Errno) -> Self {
        Self(.io, "\(message): \(cause.description)", retryable: cause.isTransient, cause: cause)
    }

    /// The failure of the system call that just returned -1 (reads `errno`).
    public static func lastCall(_ message: String) -> Self { io(message, Errno.ofLastCall) }
}

extension Errno {
    /// The error of the last failed system call on this thread.
    public static var ofLastCall: Errno { Errno(rawValue: errno) }

    /// Whether the same call may succeed later: interrupted or blocked calls, a full disk or quota, an I/O error,
    /// exhausted descriptors or memory. Missing files, permissions and wrong types do not heal by waiting.
    public var isTransient: Bool {
        switch self {
        case .interrupted, .resourceTemporarilyUnavailable, .noSpace, .ioError, .resourceBusy, .tooManyOpenFiles,
            .tooManyOpenFilesInSystem, .noMemory, .diskQuotaExceeded, .timedOut:
            true
        default:
            false
        }
    }
}
