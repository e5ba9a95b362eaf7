import ArgumentParser
import CLISupport
import DocumentModel
import PDFText

/// `skillspool engine versions`: the engine versions this build can pin.
struct EngineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine",
        abstract: "Information about the conversion engine.",
        subcommands: [Versions.self]
    )

    struct Versions: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the pinnable engine versions per format.")

        func run() throws {
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
