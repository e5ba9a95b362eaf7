import Archives
import FileSystem

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a skill for QA from a folder or a zip, wherever it was made.
public enum SkillLoader {
    /// Loads `path`: a skill folder (holding SKILL.md) or a `.zip`.
    public static func load(_ path: String) throws -> SkillFiles {
        if path.lowercased().hasSuffix(".zip") { return try loadZip(path) }
        var trimmed = path
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        let folder = try Directory.open(path: trimmed)
        var files: [(String, [UInt8])] = []
        try collect(folder, prefix: "", into: &files)
        return SkillFiles(folderName: String(trimmed.split(separator: "/").last ?? ""), files: files)
    }

    private static func collect(_ folder: Directory, prefix: String, into files: inout [(String, [UInt8])]) throws {
        for name in try folder.names() {
            guard let signature = folder.signature(name) else { continue }
            switch signature.kind {
            case .folder: try collect(try folder.folder(name), prefix: prefix + name + "/", into: &files)
            case .regular: files.append((prefix + name, try folder.read(name, limit: 64 << 20)))
            default: files.append((prefix + name, []))
            }
        }
    }

    private static func loadZip(_ path: String) throws -> SkillFiles {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileSystemError.lastCall("cannot open '\(path)'") }
        defer { close(descriptor) }
        var status = stat()
        fstat(descriptor, &status)
        let members = try ArchiveReader.withArchive(descriptor: descriptor) {
            try $0.readMembers(limits: ArchiveLimits(maxMembers: 10_000, maxTotalBytes: 256 << 20))
        }
        let skillPaths = members.map(\.rawPath).filter { $0 == "SKILL.md" || $0.hasSuffix("/SKILL.md") }
            .sorted { $0.split(separator: "/").count < $1.split(separator: "/").count }
        let root = skillPaths.first.map { String($0.dropLast("SKILL.md".count)) } ?? ""
        let folderName =
            root.isEmpty
            ? String(path.split(separator: "/").last ?? "").replacing(".zip", with: "") : String(root.dropLast())
        var files: [(String, [UInt8])] = []
        for member in members where member.kind == .file && member.rawPath.hasPrefix(root) {
            files.append((String(member.rawPath.dropFirst(root.count)), member.bytes))
        }
        let layout = SkillFiles.ZipLayout(
            paths: members.map(\.rawPath),
            oddMembers: members.filter { $0.kind == .link || $0.kind == .other }.map(\.rawPath),
            byteCount: Int(status.st_size)
        )
        return SkillFiles(folderName: folderName, files: files, zip: layout)
    }
}

extension SkillLoader {
    /// One skill (a folder with SKILL.md, or a zip) or every skill folder and zip inside `path`.
    public static func loadAll(_ path: String) throws -> [SkillFiles] {
        if path.lowercased().hasSuffix(".zip") { return [try load(path)] }
        let folder = try Directory.open(path: path)
        if folder.contains("SKILL.md") { return [try load(path)] }
        var skills: [SkillFiles] = []
        for name in try folder.names() where !name.hasPrefix(".") {
            let child = path + "/" + name
            if name.hasSuffix(".zip") {
                skills.append(try load(child))
            } else if folder.signature(name)?.kind == .folder, (try? folder.folder(name))?.contains("SKILL.md") == true
            {
                skills.append(try load(child))
            }
        }
        // A folder and its zip: keep the folder.
        var seen = Set<String>()
        return skills.sorted { ($0.zip == nil ? 0 : 1) < ($1.zip == nil ? 0 : 1) }.filter {
            seen.insert($0.folderName).inserted
        }
    }
}
