import CArchive

#if canImport(Glibc)
    import Glibc
#endif

/// Writes test archives with libarchive, including the malicious members a safe reader must refuse.
public enum ArchiveBuilder {
    public enum Member: Sendable {
        case file(String, [UInt8])
        case folder(String)
        case symlink(String, target: String)
        case hardlink(String, target: String)
        case fifo(String)
    }

    public enum Format: Sendable {
        case zip
        case tar
        case tarGzip
    }

    /// Writes `members` to `path`.
    public static func write(_ members: [Member], to path: String, format: Format = .zip) {
        let archive = archive_write_new()
        switch format {
        case .zip:
            archive_write_set_format_zip(archive)
        case .tarGzip:
            archive_write_set_format_pax_restricted(archive)
            archive_write_add_filter_gzip(archive)
        case .tar:
            archive_write_set_format_pax_restricted(archive)
        }
        precondition(archive_write_open_filename(archive, path) == ARCHIVE_OK)
        for member in members {
            let entry = archive_entry_new()
            switch member {
            case .file(let name, let bytes):
                archive_entry_set_pathname(entry, name)
                archive_entry_set_filetype(entry, skillspool_ae_ifreg)
                archive_entry_set_perm(entry, 0o644)
                archive_entry_set_size(entry, la_int64_t(bytes.count))
                archive_write_header(archive, entry)
                _ = bytes.withUnsafeBytes { archive_write_data(archive, $0.baseAddress, $0.count) }
            case .folder(let name):
                archive_entry_set_pathname(entry, name)
                archive_entry_set_filetype(entry, skillspool_ae_ifdir)
                archive_entry_set_perm(entry, 0o755)
                archive_write_header(archive, entry)
            case .symlink(let name, let target):
                archive_entry_set_pathname(entry, name)
                archive_entry_set_filetype(entry, skillspool_ae_iflnk)
                archive_entry_set_symlink(entry, target)
                archive_entry_set_perm(entry, 0o777)
                archive_write_header(archive, entry)
            case .hardlink(let name, let target):
                archive_entry_set_pathname(entry, name)
                archive_entry_set_filetype(entry, skillspool_ae_ifreg)
                archive_entry_set_hardlink(entry, target)
                archive_entry_set_perm(entry, 0o644)
                archive_write_header(archive, entry)
            case .fifo(let name):
                archive_entry_set_pathname(entry, name)
                archive_entry_set_filetype(entry, 0o010000)
                archive_entry_set_perm(entry, 0o644)
                archive_write_header(archive, entry)
            }
            archive_entry_free(entry)
        }
        archive_write_close(archive)
        archive_write_free(archive)
    }
}

extension ArchiveBuilder {
    /// The bytes of an archive holding `members`.
    public static func bytes(_ members: [Member], format: Format = .zip) throws -> [UInt8] {
        let path = try PDFFixture.temporaryFile([], suffix: format == .zip ? ".zip" : ".tar.gz")
        defer { unlink(path) }
        write(members, to: path, format: format)
        let file = open(path, O_RDONLY)
        defer { close(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes += chunk[0..<count]
        }
        return bytes
    }
}
