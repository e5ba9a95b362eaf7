import ArgumentParser
import DocumentModel
import PDFText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `engine` section of the daemon configuration (`etc/skillspool.json`), which also sets the limits of
/// one-off conversions so the CLI and the daemon refuse the same inputs.
struct EngineConfiguration {
    var maxPages: Int?
    var maxStreamBytes: Int?
    var maxDocumentBytes: Int?
    var maxOperatorsPerPage: Int?
    var maxXObjectDepth: Int?

    private static let keys: Set<String> = [
        "maxPages", "maxStreamBytes", "maxDocumentBytes", "maxOperatorsPerPage", "maxXObjectDepth",
    ]

    /// Reads `path`; a missing default file means built-in defaults, a missing explicit file is an error.
    static func load(path: String?) throws -> EngineConfiguration {
        let resolved = path ?? "etc/skillspool.json"
        guard let bytes = readFile(resolved) else {
            if path != nil { throw ValidationError("configuration file '\(resolved)' cannot be read") }
            return EngineConfiguration()
        }
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw ValidationError("configuration '\(resolved)': \(error)")
        }
        guard let engine = root["engine"] else { return EngineConfiguration() }
        guard case .object(let members) = engine else {
            throw ValidationError("configuration '\(resolved)': \"engine\" must be an object")
        }
        for (key, value) in members {
            guard keys.contains(key) else {
                throw ValidationError("configuration '\(resolved)': unknown engine key \"\(key)\"")
            }
            guard let number = value.intValue, number > 0 else {
                throw ValidationError("configuration '\(resolved)': engine.\(key) must be a positive integer")
            }
        }
        return EngineConfiguration(
            maxPages: engine["maxPages"]?.intValue,
            maxStreamBytes: engine["maxStreamBytes"]?.intValue,
            maxDocumentBytes: engine["maxDocumentBytes"]?.intValue,
            maxOperatorsPerPage: engine["maxOperatorsPerPage"]?.intValue,
            maxXObjectDepth: engine["maxXObjectDepth"]?.intValue
        )
    }

    private static func readFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return count == 0 ? result : nil }
            result += chunk[0..<count]
            if result.count > 1 << 20 { return nil }
        }
    }

    /// The limits, with `maxPages` from the command line taking precedence.
    func limits(maxPages override: Int?) -> ConversionLimits {
        let defaults = ConversionLimits.default
        return ConversionLimits(
            maxPages: override ?? maxPages ?? defaults.maxPages,
            maxStreamBytes: maxStreamBytes ?? defaults.maxStreamBytes,
            maxDocumentBytes: maxDocumentBytes ?? defaults.maxDocumentBytes,
            maxOperatorsPerPage: maxOperatorsPerPage ?? defaults.maxOperatorsPerPage,
            maxXObjectDepth: maxXObjectDepth ?? defaults.maxXObjectDepth
        )
    }
}
