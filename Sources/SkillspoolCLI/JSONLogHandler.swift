import ConvertCLI
import FileSystem
import JSON
import Logging

/// Logs one JSON object per line on stderr: time, level, label, message and metadata (keys sorted).
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        var members: [(String, JSONValue)] = [
            ("time", .string(Timestamp.now())), ("level", .string(event.level.rawValue)),
            ("label", .string(label)), ("message", .string("\(event.message)")),
        ]
        for key in merged.keys.sorted() { members.append((key, Self.json(merged[key]!))) }
        StandardStreams.writeError(JSONWriter.serialize(.object(members)) + "\n")
    }

    private static func json(_ value: Logger.MetadataValue) -> JSONValue {
        switch value {
        case .string(let text): .string(text)
        case .stringConvertible(let convertible): .string(convertible.description)
        case .array(let items): .array(items.map(json))
        case .dictionary(let members): .object(members.keys.sorted().map { ($0, json(members[$0]!)) })
        }
    }
}
