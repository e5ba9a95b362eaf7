import FileSystem
import SpoolConfig

/// One tenant's configuration and its open spool folders.
///
/// `@unchecked Sendable` is not needed: every stored property is a `Sendable` value or a `Directory`.
public final class TenantSpool: Sendable {
    public let configuration: TenantConfiguration
    public let root: Directory
    public let inbox: Directory
    public let outbox: Directory
    public let review: Directory
    public let failed: Directory
    /// Claimed inputs of jobs in flight (`.work/<job>/`).
    public let work: Directory

    public var name: String { configuration.name }

    /// The folder names below `spool/<tenant>/`.
    public static let folderNames = ["inbox", "outbox", "review", "failed", ".work"]

    /// Opens `spool/<tenant>/` and its folders, creating any that are missing; none may be a link.
    public init(configuration: TenantConfiguration, spool: Directory) throws {
        self.configuration = configuration
        root = try spool.folder(configuration.name, create: true)
        inbox = try root.folder("inbox", create: true)
        outbox = try root.folder("outbox", create: true)
        review = try root.folder("review", create: true)
        failed = try root.folder("failed", create: true)
        work = try root.folder(".work", create: true)
    }

    /// Opens the tenant's folders and lists each one, so a folder the daemon cannot read (mode 000, a link, a file
    /// where a folder belongs) is found now — by `doctor` and at start alike — rather than half-way through a job.
    public static func open(configuration: TenantConfiguration, spool: Directory) throws -> TenantSpool {
        let tenant = try TenantSpool(configuration: configuration, spool: spool)
        for folder in [tenant.inbox, tenant.outbox, tenant.review, tenant.failed, tenant.work] {
            _ = try folder.names()
        }
        return tenant
    }
}
