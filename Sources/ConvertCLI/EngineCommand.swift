import ArgumentParser
import JSON
import PDFText

/// `skillspool engine versions`: the engine versions this build can pin.
public struct EngineCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "engine",
        abstract: "Information about the conversion engine.",
        subcommands: [Versions.self]
    )

    public init() {}

    public struct Versions: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "List the pinnable engine versions per format."
        )

        public init() {}

        public func run() throws {
            let versions = PDFEngine.pinnable.map { pinned -> JSONValue in
                .object([
                    ("version", .string(String(pinned.dropFirst("pdf@".count)))),
                    ("schema_version", .int(PDFEngine.schemaVersion)),
                    ("status", .string(pinned == PDFEngine.version ? "current" : "retired")),
                    ("latest", .bool(pinned == PDFEngine.version)),
                    ("stable", .bool(true)),
                ])
            }
            let value = JSONValue.object([
                ("formats", .array([.object([("format", .string("pdf")), ("versions", .array(versions))])]))
            ])
            StandardStreams.writeOut(JSONWriter.serialize(value, pretty: true) + "\n")
        }
    }
}
