import CodedErrors

/// Why an archive was refused or could not be written.
public struct ArchiveError: Error, CodedFailure, Sendable {
    /// An `ERR::SCOPE::REASON` code.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A member path climbs out of the extraction folder with `..`.
        public static let pathTraversal = Code(rawValue: "ERR::SECURITY::PATH_TRAVERSAL")
        /// A member path is absolute.
        public static let absolutePath = Code(rawValue: "ERR::SECURITY::ABSOLUTE_PATH")
        /// A member is a symbolic or hard link.
        public static let linkMember = Code(rawValue: "ERR::SECURITY::LINK_MEMBER")
        /// A member is a device, FIFO or socket.
        public static let specialMember = Code(rawValue: "ERR::SECURITY::SPECIAL_MEMBER")
        /// More members than the limit.
        public static let tooManyMembers = Code(rawValue: "ERR::ARCHIVE::TOO_MANY_MEMBERS")
        /// The extracted bytes exceed the size limit.
        public static let tooLarge = Code(rawValue: "ERR::ARCHIVE::TOO_LARGE")
        /// The extracted bytes exceed the allowed multiple of the archive's own size (a decompression bomb).
        public static let compressionRatio = Code(rawValue: "ERR::ARCHIVE::COMPRESSION_RATIO")
        /// The archive cannot be read (truncated, corrupt, encrypted or an unsupported format).
        public static let corrupt = Code(rawValue: "ERR::ARCHIVE::CORRUPT")
        /// Two members have the same path, or a member name is unusable.
        public static let badMember = Code(rawValue: "ERR::ARCHIVE::BAD_MEMBER")
        /// Writing an archive or an extracted member failed.
        public static let io = Code(rawValue: "ERR::ARCHIVE::IO")
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
