/// What `fstatat` without following links says about a folder entry; two equal signatures mean unchanged.
public struct FileSignature: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case regular
        case folder
        case symlink
        case other
    }

    public var kind: Kind
    public var device: UInt64
    public var inode: UInt64
    public var size: Int
    public var modified: Int
    public var links: Int

    public init(kind: Kind, device: UInt64, inode: UInt64, size: Int, modified: Int, links: Int) {
        self.kind = kind
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.links = links
    }
}
