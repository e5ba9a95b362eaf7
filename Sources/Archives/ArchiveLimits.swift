/// Bounds on what extracting one archive may produce.
public struct ArchiveLimits: Sendable, Hashable {
    /// Members of any kind, folders included.
    public var maxMembers: Int
    /// Bytes written for all members together.
    public var maxTotalBytes: Int
    /// Bytes written per byte of archive (a ratio above this is treated as a decompression bomb).
    public var maxCompressionRatio: Int
    /// Folder levels below the extraction root.
    public var maxDepth: Int

    public init(
        maxMembers: Int = 1_000,
        maxTotalBytes: Int = 1 << 30,
        maxCompressionRatio: Int = 100,
        maxDepth: Int = 8
    ) {
        self.maxMembers = maxMembers
        self.maxTotalBytes = maxTotalBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.maxDepth = maxDepth
    }

    public static let `default` = ArchiveLimits()
}
