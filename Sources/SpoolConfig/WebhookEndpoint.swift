/// One webhook of a tenant (`webhooks[]` in its configuration): where job events are posted, the file holding the
/// signing secret, and which events it wants.
public struct WebhookEndpoint: Sendable, Hashable {
    /// A job's status change that is posted: the job entered this status.
    public enum Event: String, Sendable, Hashable, CaseIterable, Comparable {
        case created
        case processing
        case review
        case complete
        case failed

        public static func < (lhs: Self, rhs: Self) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }

        /// The spellings a configuration may use.
        static var spelled: String { allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") }
    }

    /// An absolute `https://` URL (`http://` when the tenant's `fetch.allowHTTP` says so).
    public var url: String
    /// The file holding the shared secret, read at each delivery (a rotated secret is used at once); a path
    /// relative to the tenant's configuration file is resolved against its folder.
    public var secretFile: String
    /// The events posted; every event when the configuration names none.
    public var events: Set<Event> = Set(Event.allCases)
    /// How long a failing delivery is retried before it is given up (`skillspool webhooks retry` sends it again).
    public var giveUpSeconds = 72 * 3_600.0

    public init(url: String, secretFile: String) {
        self.url = url
        self.secretFile = secretFile
    }

    /// Reads `webhooks[index]` of the tenant file at `path`.
    static func load(_ entry: ConfigurationFile, index: Int, path: String) throws -> WebhookEndpoint {
        let context = "webhooks[\(index)]."
        try entry.checkKeys(["url", "secretFile", "events", "giveUpHours"], context: context)
        guard let url = try entry.string("url"), !url.isEmpty else {
            throw ConfigurationError("\(path): \(context)url is required")
        }
        let lowered = url.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://"), url.utf8.count <= 2_048,
            !url.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F })
        else {
            throw ConfigurationError("\(path): \(context)url must be an absolute http(s) URL, not \"\(url)\"")
        }
        guard let secretFile = try entry.string("secretFile"), !secretFile.isEmpty else {
            throw ConfigurationError("\(path): \(context)secretFile is required (the signing secret's file)")
        }
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let resolved = secretFile.hasPrefix("/") || folder.isEmpty ? secretFile : folder + "/" + secretFile
        var endpoint = WebhookEndpoint(url: url, secretFile: resolved)
        if let names = try entry.strings("events") {
            var events: Set<Event> = []
            for name in names {
                guard let event = Event(rawValue: name) else {
                    throw ConfigurationError("\(path): \(context)events: \"\(name)\" is not one of \(Event.spelled)")
                }
                events.insert(event)
            }
            guard !events.isEmpty else { throw ConfigurationError("\(path): \(context)events names no event") }
            endpoint.events = events
        }
        if let hours = try entry.number("giveUpHours") {
            guard hours > 0 else { throw ConfigurationError("\(path): \(context)giveUpHours must be positive") }
            endpoint.giveUpSeconds = hours * 3_600
        }
        return endpoint
    }

    /// The secret, from its file: surrounding white space (a final newline) is not part of it.
    ///
    /// - Throws: ``ConfigurationError`` when the file cannot be read or holds nothing.
    public func secret() throws -> [UInt8] {
        guard let bytes = try ConfigurationFile.readFile(secretFile) else {
            throw ConfigurationError("\(secretFile): the webhook secret's file does not exist")
        }
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        let secret = Array(bytes.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
        guard !secret.isEmpty else { throw ConfigurationError("\(secretFile): the webhook secret's file is empty") }
        return secret
    }
}
