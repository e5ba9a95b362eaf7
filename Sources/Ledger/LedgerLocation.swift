/// Where the ledger is, parsed from the `ledger` setting: a SQLite file path (the embedded default) or a
/// `postgresql://USER[:PASS]@HOST[:PORT]/DB` URL shared by several daemons.
public enum LedgerLocation: Sendable, Hashable, CustomStringConvertible {
    case sqlite(path: String)
    case postgresql(PostgresAddress)

    /// Parses the setting: a `postgresql://` (or `postgres://`) URL, anything else a SQLite path.
    ///
    /// - Throws: `ERR::LEDGER::INVALID_LOCATION` for a URL without a user or database, a bad port or an unknown
    ///   parameter.
    public init(_ setting: String) throws {
        if let rest = Self.dropScheme(setting) {
            self = .postgresql(try PostgresAddress(parsing: rest))
        } else {
            guard !setting.isEmpty else { throw LedgerError(.invalidLocation, "the ledger setting is empty") }
            self = .sqlite(path: setting)
        }
    }

    private static func dropScheme(_ setting: String) -> Substring? {
        for scheme in ["postgresql://", "postgres://"] where setting.hasPrefix(scheme) {
            return setting.dropFirst(scheme.count)
        }
        return nil
    }

    /// The location for logs and `doctor`: a PostgreSQL password never appears.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgresql(let address): address.description
        }
    }
}

/// A PostgreSQL server, database and role, from a `postgresql://` URL.
public struct PostgresAddress: Sendable, Hashable, CustomStringConvertible {
    /// Where the server listens.
    public enum Endpoint: Sendable, Hashable {
        case tcp(host: String, port: Int)
        /// The folder of the server's socket (`?host=/run/postgresql`), as libpq names it.
        case socket(folder: String, port: Int)

        /// The socket file PostgreSQL creates in `folder`.
        public var socketPath: String? {
            if case .socket(let folder, let port) = self { return "\(folder)/.s.PGSQL.\(port)" }
            return nil
        }
    }

    /// Where the password comes from; the URL's own is kept out of ``description``.
    public enum PasswordSource: Sendable, Hashable {
        case inline(String)
        /// A file holding the password (its first line), read when the ledger is opened (`?passwordFile=PATH`).
        case file(String)
        /// An environment variable (`?passwordEnv=NAME`; `PGPASSWORD` when the URL names no other source).
        case environment(String)
    }

    /// Whether the connection is encrypted (`?sslmode=disable|require`; libpq's other modes are not offered).
    public enum TLSMode: String, Sendable, Hashable {
        case disable
        case require
    }

    public var endpoint: Endpoint
    public var user: String
    public var password: PasswordSource
    public var database: String
    public var tls: TLSMode

    init(parsing rest: Substring) throws {
        func fail(_ why: String) -> LedgerError {
            LedgerError(.invalidLocation, "ledger URL: \(why) (postgresql://USER[:PASS]@HOST[:PORT]/DB)")
        }
        var query: [String: String] = [:]
        var main = rest
        if let mark = rest.firstIndex(of: "?") {
            main = rest[..<mark]
            for pair in rest[rest.index(after: mark)...].split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2, let key = Self.percentDecoded(parts[0]),
                    let value = Self.percentDecoded(parts[1])
                else { throw fail("parameter '\(pair)' is not NAME=VALUE") }
                query[key] = value
            }
        }
        let known: Set = ["host", "port", "sslmode", "passwordFile", "passwordEnv", "user", "password"]
        if let unknown = query.keys.sorted().first(where: { !known.contains($0) }) {
            throw fail("unknown parameter '\(unknown)'")
        }
        guard let slash = main.firstIndex(of: "/") else { throw fail("no database") }
        guard let database = Self.percentDecoded(main[main.index(after: slash)...]), !database.isEmpty else {
            throw fail("no database")
        }
        var authority = main[..<slash]
        var userInfo: Substring = ""
        if let at = authority.lastIndex(of: "@") {
            userInfo = authority[..<at]
            authority = authority[authority.index(after: at)...]
        }
        let userParts = userInfo.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let user = Self.percentDecoded(userParts.first ?? "").flatMap({ $0.isEmpty ? query["user"] : $0 }),
            !user.isEmpty
        else { throw fail("no user") }
        var host = String(authority)
        var portText = query["port"]
        if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") {
            host = String(authority[..<colon])
            portText = String(authority[authority.index(after: colon)...])
        }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let port: Int
        if let portText {
            guard let parsed = Int(portText), (1...65_535).contains(parsed) else {
                throw fail("bad port '\(portText)'")
            }
            port = parsed
        } else {
            port = 5432
        }
        if let folder = query["host"], folder.hasPrefix("/") {
            endpoint = .socket(folder: folder, port: port)
        } else {
            let name = query["host"] ?? host
            guard !name.isEmpty else { throw fail("no host") }
            endpoint = .tcp(host: name, port: port)
        }
        if userParts.count == 2, let inline = Self.percentDecoded(userParts[1]) {
            password = .inline(inline)
        } else if let inline = query["password"] {
            password = .inline(inline)
        } else if let file = query["passwordFile"] {
            password = .file(file)
        } else if let name = query["passwordEnv"] {
            password = .environment(name)
        } else {
            password = .environment("PGPASSWORD")
        }
        guard let mode = TLSMode(rawValue: query["sslmode"] ?? "disable") else {
            throw fail("sslmode must be disable or require")
        }
        self.user = user
        self.database = database
        self.tls = mode
    }

    public var description: String {
        let secret = if case .inline = password { ":***" } else { "" }
        switch endpoint {
        case .tcp(let host, let port):
            let shownHost = host.contains(":") ? "[\(host)]" : host
            return "postgresql://\(user)\(secret)@\(shownHost):\(port)/\(database)"
        case .socket(let folder, let port):
            return "postgresql://\(user)\(secret)@/\(database)?host=\(folder)&port=\(port)"
        }
    }

    /// `%XX` escapes decoded; nil for a malformed escape or bytes that are not UTF-8.
    static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(Self.hexValue), let low = iterator.next().flatMap(Self.hexValue)
            else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
