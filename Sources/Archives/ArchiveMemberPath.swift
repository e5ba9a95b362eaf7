/// The checked path of an archive member: relative, without `.`/`..` components, within the depth limit.
public struct ArchiveMemberPath: Sendable, Hashable, CustomStringConvertible {
    /// The path's components, none empty, `.` or `..`.
    public let components: [String]
    /// Whether the member names a folder (its raw name ended with a slash).
    public let isFolder: Bool

    /// The components joined with `/`.
    public var description: String { components.joined(separator: "/") }

    /// Checks a raw member name. Backslashes count as separators, because extractors on Windows treat them so.
    ///
    /// - Throws: ``ArchiveError`` `ERR::SECURITY::ABSOLUTE_PATH` for `/x`, `\x` or `C:x`,
    ///   `ERR::SECURITY::PATH_TRAVERSAL` for any `..` component, `ERR::ARCHIVE::BAD_MEMBER` for an empty name,
    ///   control characters or too many levels.
    public init(raw: String, maxDepth: Int = ArchiveLimits.default.maxDepth) throws {
        let scalars = raw.unicodeScalars
        if let first = scalars.first, first == "/" || first == "\\" {
            throw ArchiveError(.absolutePath, "member '\(raw)' has an absolute path")
        }
        if scalars.count >= 2, scalars[scalars.index(after: scalars.startIndex)] == ":" {
            throw ArchiveError(.absolutePath, "member '\(raw)' names a drive")
        }
        if scalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) {
            throw ArchiveError(.badMember, "member name '\(raw.debugDescription)' holds control characters")
        }
        var parts: [String] = []
        for part in raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }) {
            if part == "." { continue }
            if part == ".." { throw ArchiveError(.pathTraversal, "member '\(raw)' climbs out with '..'") }
            parts.append(String(part))
        }
        guard !parts.isEmpty else { throw ArchiveError(.badMember, "member with an empty name '\(raw)'") }
        guard parts.count <= maxDepth + 1 else {
            throw ArchiveError(.badMember, "member '\(raw)' is nested deeper than \(maxDepth) folders")
        }
        components = parts
        isFolder = raw.hasSuffix("/") || raw.hasSuffix("\\")
    }

    /// Members that archivers add and nobody means to send: macOS resource forks and hidden files.
    public var isNoise: Bool {
        components.contains { $0 == "__MACOSX" || $0.hasPrefix(".") }
    }
}
