import PDFText

/// The daemon configuration (`etc/skillspool.json`): where the spool, the ledger and the tenant configurations are,
/// and the engine limits every conversion obeys. Built once and passed in; relative paths are relative to the
/// working directory.
public struct SpoolConfiguration: Sendable {
    public var spoolPath = "./spool"
    /// The ledger: a SQLite file path (the embedded default) or a `postgresql://USER[:PASS]@HOST[:PORT]/DB` URL
    /// shared by several daemons (docs/scale-out.md).
    public var ledger = "./spool/ledger.sqlite"
    /// This daemon's name among the nodes sharing a spool and a ledger; nil means the host name.
    public var node: String?
    /// How long a node's tenant leases last without renewal (several nodes on one spool); renewed every third.
    public var leaseSeconds = 30.0
    public var tenantsPath = "./etc/tenants"
    /// Worker threads; 0 lets the daemon choose: one per core, two per core with a PostgreSQL ledger.
    public var workers = 0
    public var rescanSeconds = 60.0
    /// How inboxes are watched: `inotify`, `poll` (network filesystems have no inotify), or `auto` (poll where
    /// `statfs` reports NFS, SMB/CIFS or FUSE).
    public var watchMode = WatchMode.auto
    /// The listing interval in poll mode.
    public var pollSeconds = 2.0
    /// How long running jobs may take to finish after SIGTERM/SIGINT before the daemon exits anyway.
    public var shutdownGraceSeconds = 30.0
    /// Starts of one job (crashes included) before it is failed instead of restarted again.
    public var maxAttempts = 3
    public var limits = ConversionLimits.default
    /// No file is claimed while the spool's file system has less than this available (claims copy nothing, but
    /// every job writes its outputs and the ledger grows).
    public var minFreeBytes = 256 << 20
    /// How webhook events are delivered (the endpoints are the tenants').
    public var webhooks = WebhookSettings()
    /// The file this configuration was read from; nil for built-in defaults. Job workers read the same file.
    public var sourcePath: String?

    /// A node name is part of file names (`metrics-NODE.prom`): 1–64 ASCII letters, digits, `.`, `_` or `-`.
    public static func isValidNodeName(_ name: String) -> Bool {
        (1...64).contains(name.utf8.count) && !name.hasPrefix(".")
            && name.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                    true
                default: false
                }
            }
    }

    /// The default location, used when no `--config` is given.
    public static let defaultPath = "etc/skillspool.json"

    public init() {}

    /// Loads `path`; when `path` is nil, the default file if it exists, otherwise built-in defaults.
    ///
    /// - Throws: ``ConfigurationError`` for a missing explicit file, malformed JSON, unknown keys or bad values.
    public static func load(path: String?) throws -> SpoolConfiguration {
        var configuration = SpoolConfiguration()
        guard let file = try ConfigurationFile.load(path ?? defaultPath) else {
            if let path { throw ConfigurationError("\(path): does not exist") }
            return configuration
        }
        configuration.sourcePath = path ?? defaultPath
        try file.checkKeys([
            "spool", "ledger", "tenants", "workers", "rescanSeconds", "watch", "pollSeconds", "shutdownGraceSeconds",
            "maxAttempts", "engine", "minFreeBytes", "node", "leaseSeconds", "webhooks",
        ])
        configuration.spoolPath = try file.string("spool") ?? configuration.spoolPath
        configuration.ledger = try file.string("ledger") ?? configuration.ledger
        configuration.tenantsPath = try file.string("tenants") ?? configuration.tenantsPath
        if let node = try file.string("node") {
            guard isValidNodeName(node) else {
                throw ConfigurationError(
                    "\(file.path): node must be 1–64 letters, digits, '.', '_' or '-', not \"\(node)\""
                )
            }
            configuration.node = node
        }
        configuration.leaseSeconds = try file.number("leaseSeconds", minimum: 3) ?? configuration.leaseSeconds
        configuration.workers = try file.integer("workers") ?? 0
        configuration.rescanSeconds = try file.number("rescanSeconds", minimum: 1) ?? configuration.rescanSeconds
        if let watch = try file.string("watch") {
            guard let mode = WatchMode(rawValue: watch) else {
                throw ConfigurationError("\(file.path): watch must be auto, inotify or poll, not \"\(watch)\"")
            }
            configuration.watchMode = mode
        }
        configuration.pollSeconds = try file.number("pollSeconds", minimum: 0.1) ?? configuration.pollSeconds
        configuration.shutdownGraceSeconds =
            try file.number("shutdownGraceSeconds") ?? configuration.shutdownGraceSeconds
        configuration.maxAttempts = try file.integer("maxAttempts", minimum: 1) ?? configuration.maxAttempts
        configuration.minFreeBytes = try file.integer("minFreeBytes", minimum: 0) ?? configuration.minFreeBytes
        if let engine = try file.object("engine") {
            try engine.checkKeys(
                [
                    "maxPages", "maxStreamBytes", "maxDocumentBytes", "maxOperatorsPerPage", "maxXObjectDepth",
                    "maxGlyphsPerDocument", "maxOperatorsPerDocument",
                ],
                context: "engine."
            )
            let defaults = ConversionLimits.default
            configuration.limits = ConversionLimits(
                maxPages: try engine.integer("maxPages", minimum: 1) ?? defaults.maxPages,
                maxStreamBytes: try engine.integer("maxStreamBytes", minimum: 1) ?? defaults.maxStreamBytes,
                maxDocumentBytes: try engine.integer("maxDocumentBytes", minimum: 1) ?? defaults.maxDocumentBytes,
                maxOperatorsPerPage: try engine.integer("maxOperatorsPerPage", minimum: 1)
                    ?? defaults.maxOperatorsPerPage,
                maxXObjectDepth: try engine.integer("maxXObjectDepth", minimum: 1) ?? defaults.maxXObjectDepth,
                maxGlyphsPerDocument: try engine.integer("maxGlyphsPerDocument", minimum: 1)
                    ?? defaults.maxGlyphsPerDocument,
                maxOperatorsPerDocument: try engine.integer("maxOperatorsPerDocument", minimum: 1)
                    ?? defaults.maxOperatorsPerDocument
            )
        }
        if let webhooks = try file.object("webhooks") {
            try webhooks.checkKeys(
                ["firstRetrySeconds", "maxRetrySeconds", "timeoutSeconds", "concurrency"],
                context: "webhooks."
            )
            var delivery = configuration.webhooks
            delivery.firstRetrySeconds =
                try webhooks.number("firstRetrySeconds", minimum: 0.01) ?? delivery.firstRetrySeconds
            delivery.maxRetrySeconds = try webhooks.number("maxRetrySeconds", minimum: 0.01) ?? delivery.maxRetrySeconds
            delivery.timeoutSeconds = try webhooks.number("timeoutSeconds", minimum: 0.1) ?? delivery.timeoutSeconds
            delivery.concurrency = try webhooks.integer("concurrency", minimum: 1) ?? delivery.concurrency
            configuration.webhooks = delivery
        }
        return configuration
    }

    /// How webhook events are delivered: retries back off exponentially from `firstRetrySeconds`, doubling up to
    /// `maxRetrySeconds`, until the endpoint's give-up time.
    public struct WebhookSettings: Sendable, Hashable {
        public var firstRetrySeconds = 10.0
        public var maxRetrySeconds = 3_600.0
        /// One attempt: connection, request and answer.
        public var timeoutSeconds = 10.0
        /// Attempts in flight at once, over all tenants.
        public var concurrency = 8

        public init() {}
    }
}

/// How the daemon learns about new files.
public enum WatchMode: String, Sendable, Hashable {
    case auto
    case inotify
    case poll
}
