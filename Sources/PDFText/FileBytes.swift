#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Small POSIX file helpers that do not go through Foundation.
enum FileBytes {
    /// The first `count` bytes of the file, or nil when it cannot be opened.
    static func readPrefix(path: String, count: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: count)
        let got = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, count) }
        guard got >= 0 else { return nil }
        return Array(buffer.prefix(got))
    }
}
