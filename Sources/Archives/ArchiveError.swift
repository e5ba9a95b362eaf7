import CodedErrors
import FileSystem
import SystemPackage

/// Why an archive was refused or could not be written.
public typealias ArchiveError = CodedError<ArchiveErrorCode>

/// An `ERR::SCOPE::REASON` code.
public struct ArchiveErrorCode: ErrorCode {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A member path climbs out of the extraction folder with `..`.
    public static let pathTraversal = Self(rawValue: "ERR::SECURITY::PATH_TRAVERSAL")
    /// A member path is absolute.
    public static let absolutePath = Self(rawValue: "ERR::SECURITY::ABSOLUTE_PATH")
    /// A member is a symbolic or hard link.
    public static let linkMember = Self(rawValue: "ERR::SECURITY::LINK_MEMBER")
    /// A member is a device, FIFO or socket.
    public static let specialMember = Self(rawValue: "ERR::SECURITY::SPECIAL_MEMBER")
    /// More members than the limit.
    public static let tooManyMembers = Self(rawValue: "ERR::ARCHIVE::TOO_MANY_MEMBERS")
    /// The extracted bytes exceed the size limit.
    public static let tooLarge = Self(rawValue: "ERR::ARCHIVE::TOO_LARGE")
    /// The extracted bytes exceed the allowed multiple of the archive's own size (a decompression bomb).
    public static let compressionRatio = Self(rawValue: "ERR::ARCHIVE::COMPRESSION_RATIO")
    /// The archive cannot be read (truncated, corrupt, encrypted or an unsupported format).
    public static let corrupt = Self(rawValue: "ERR::ARCHIVE::CORRUPT")
    /// Two members have the same path, or a member name is unusable.
    public static let badMember = Self(rawValue: "ERR::ARCHIVE::BAD_MEMBER")
    /// Writing an archive or an extracted member failed.
    public static let io = Self(rawValue: "ERR::ARCHIVE::IO")
}

extension CodedError where Kind == ArchiveErrorCode {
    /// A failed system call while extracting: retryable as its error number says (a full disk heals, a permission
    /// does not).
    static func io(_ message: String, _ cause: Errno) -> Self {
        Self(.io, "\(message): \(cause.description)", retryable: cause.isTransient, cause: cause)
    }
}
