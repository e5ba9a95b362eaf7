import FileSystem
import JSON
import SystemPackage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading JSON configuration objects strictly: unknown keys and wrong types are errors, not silently ignored.
struct ConfigurationFile {
    let path: String
    let members: [(String, JSONValue)]

    /// The parsed object at `path`, or nil when the file does not exist.
    static func load(_ path: String) throws -> ConfigurationFile? {
        guard let bytes = try readFile(path) else { return nil }
        return try ConfigurationFile(path: path, value: parse(bytes, path: path))
    }

    init(path: String, value: JSONValue) throws {
        guard case .object(let members) = value else {
            throw ConfigurationError("\(path): the top level must be an object")
        }
        self.path = path
        self.members = members
    }

    private static func parse(_ bytes: [UInt8], path: String) throws -> JSONValue {
        do {
            return try JSONParser.parse(bytes)
        } catch {
            throw ConfigurationError("\(path): \(error)")
        }
    }

    func checkKeys(_ allowed: Set<String>, context: String = "") throws {
        for (key, _) in members where !allowed.contains(key) {
            throw ConfigurationError("\(path): unknown key \"\(context)\(key)\"")
        }
    }

    func value(_ key: String) -> JSONValue? { members.last { $0.0 == key }?.1 }

    func string(_ key: String) throws -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else { throw ConfigurationError("\(path): \"\(key)\" must be a string") }
        return text
    }

    func integer(_ key: String, minimum: Int = 0) throws -> Int? {
        guard let value = value(key) else { return nil }
        guard let number = value.intValue, number >= minimum else {
            throw ConfigurationError("\(path): \"\(key)\" must be an integer ≥ \(minimum)")
        }
        return number
    }

    func number(_ key: String, minimum: Double = 0) throws -> Double? {
        guard let value = value(key) else { return nil }
        let number: Double
        switch value {
        case .int(let integer): number = Double(integer)
        case .number(let real): number = real
        default: throw ConfigurationError("\(path): \"\(key)\" must be a number")
        }
        guard number >= minimum else { throw ConfigurationError("\(path): \"\(key)\" must be ≥ \(minimum)") }
        return number
    }

    func strings(_ key: String) throws -> [String]? {
        guard let value = value(key) else { return nil }
        guard case .array(let items) = value else { throw ConfigurationError("\(path): \"\(key)\" must be an array") }
        return try items.map { item in
            guard case .string(let text) = item else {
                throw ConfigurationError("\(path): \"\(key)\" must hold strings")
            }
            return text
        }
    }

    func boolean(_ key: String) throws -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let flag) = value else {
            throw ConfigurationError("\(path): \"\(key)\" must be true or false")
        }
        return flag
    }

    func objects(_ key: String) throws -> [ConfigurationFile]? {
        guard let value = value(key) else { return nil }
        guard case .array(let items) = value else { throw ConfigurationError("\(path): \"\(key)\" must be an array") }
        return try items.enumerated().map {
            try ConfigurationFile(path: "\(path): \(key)[\($0.offset)]", value: $0.element)
        }
    }

    func object(_ key: String) throws -> ConfigurationFile? {
        guard let value = value(key) else { return nil }
        return try ConfigurationFile(path: "\(path): \(key)", value: value)
    }

    static func readFile(_ path: String) throws -> [UInt8]? {
        do { return try FileDescriptor.readFile(atPath: path, limit: 1 << 20) } catch let error as FileSystemError {
            if error.code == .tooLarge { throw ConfigurationError("\(path): larger than 1 MiB") }
            throw ConfigurationError("\(path): cannot be read (\(error.message))")
        }
    }
}
