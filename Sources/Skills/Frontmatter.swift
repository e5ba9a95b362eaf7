/// The YAML frontmatter of a SKILL.md, read with the strictness of the reference validator's `strictyaml`:
/// `key: value` lines, double- or single-quoted or plain scalars, and one level of nested mapping.
public struct Frontmatter: Sendable {
    public enum Value: Sendable, Hashable {
        case string(String)
        case mapping([String: String])
        /// A flow collection, list or anything else the strict reader refuses as a value here.
        case unsupported(String)
    }

    /// Top-level keys in order.
    public var fields: [(key: String, value: Value)]
    /// The 1-based line of the closing `---`.
    public var closingLine: Int

    public func value(_ key: String) -> Value? { fields.first { $0.key == key }?.value }

    public func string(_ key: String) -> String? {
        if case .string(let text)? = value(key) { return text }
        return nil
    }

    /// Why a frontmatter could not be read.
    public struct Failure: Error, Sendable {
        public var line: Int
        public var message: String
    }

    /// Parses `text` (a whole SKILL.md); the frontmatter must start on line 1.
    public static func parse(_ text: String) -> Result<Frontmatter, Failure> {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first, first == "---" || first == "---\r" else {
            let message =
                text.unicodeScalars.first == "\u{FEFF}" ? "the file starts with a byte-order mark" : "line 1 is not ---"
            return .failure(Failure(line: 1, message: message))
        }
        guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingTrailingCR() == "---" }) else {
            return .failure(Failure(line: 1, message: "the frontmatter is not closed by ---"))
        }
        var fields: [(String, Value)] = []
        var index = 1
        while index < close {
            let line = lines[index].trimmingTrailingCR()
            let number = index + 1
            index += 1
            if line.allSatisfy(\.isWhitespace) || line.hasPrefix("#") { continue }
            guard !line.hasPrefix(" "), !line.hasPrefix("\t") else {
                return .failure(Failure(line: number, message: "unexpected indentation"))
            }
            guard let colon = line.firstIndex(of: ":") else {
                return .failure(Failure(line: number, message: "expected key: value"))
            }
            let key = String(line[..<colon])
            guard !key.isEmpty, !fields.contains(where: { $0.0 == key }) else {
                return .failure(Failure(line: number, message: "empty or repeated key '\(key)'"))
            }
            let rest = String(line[line.index(after: colon)...]).trimmingWhitespace()
            if rest.isEmpty {
                var mapping: [String: String] = [:]
                while index < close, lines[index].hasPrefix("  ") {
                    let nested = lines[index].trimmingTrailingCR().trimmingWhitespace()
                    let nestedNumber = index + 1
                    index += 1
                    if nested.isEmpty { continue }
                    guard let nestedColon = nested.firstIndex(of: ":") else {
                        return .failure(Failure(line: nestedNumber, message: "expected key: value under \(key)"))
                    }
                    let nestedKey = String(nested[..<nestedColon])
                    switch scalar(String(nested[nested.index(after: nestedColon)...]).trimmingWhitespace()) {
                    case .success(let value): mapping[nestedKey] = value
                    case .failure(let reason): return .failure(Failure(line: nestedNumber, message: reason.message))
                    }
                }
                fields.append((key, .mapping(mapping)))
                continue
            }
            if let first = rest.first, "{[&*!|>%@`".contains(first) {
                fields.append((key, .unsupported(rest)))
                continue
            }
            switch scalar(rest) {
            case .success(let value): fields.append((key, .string(value)))
            case .failure(let reason): return .failure(Failure(line: number, message: reason.message))
            }
        }
        return .success(Frontmatter(fields: fields, closingLine: close + 1))
    }

    private static func scalar(_ text: String) -> Result<String, ScalarError> {
        if text.hasPrefix("\"") {
            guard text.count >= 2, text.hasSuffix("\""), !text.hasSuffix("\\\"") || text.hasSuffix("\\\\\"") else {
                return .failure(ScalarError(message: "unterminated double-quoted value"))
            }
            var out = ""
            var escaped = false
            for character in text.dropFirst().dropLast() {
                if escaped {
                    switch character {
                    case "n": out.append("\n")
                    case "t": out.append("\t")
                    default: out.append(character)
                    }
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    return .failure(ScalarError(message: "a double quote inside a double-quoted value"))
                } else {
                    out.append(character)
                }
            }
            return .success(out)
        }
        if text.hasPrefix("'") {
            guard text.count >= 2, text.hasSuffix("'") else {
                return .failure(ScalarError(message: "unterminated single-quoted value"))
            }
            return .success(String(text.dropFirst().dropLast()).replacing("''", with: "'"))
        }
        // A plain scalar may not hold ": " or " #" (strict YAML reads them as structure).
        if text.contains(": ") || text.hasSuffix(":") {
            return .failure(ScalarError(message: "an unquoted ': ' in a value"))
        }
        if let hash = text.firstRange(of: " #") {
            return .success(String(text[..<hash.lowerBound]).trimmingWhitespace())
        }
        return .success(text)
    }
}

struct ScalarError: Error {
    var message: String
}

extension String {
    func trimmingTrailingCR() -> String { hasSuffix("\r") ? String(dropLast()) : self }
}
