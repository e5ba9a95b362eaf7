import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// An open regular file; closed when released.
public final class OpenFile {
    public let descriptor: FileDescriptor
    public let name: String

    /// Adopts an open descriptor, which the new value closes.
    public init(descriptor: FileDescriptor, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    deinit { try? descriptor.close() }

    /// The file's size now.
    public var size: Int {
        var status = stat()
        return fstat(descriptor.rawValue, &status) == 0 ? Int(status.st_size) : 0
    }

    /// Every byte from the start, refusing files over `limit` (`ERR::INPUT::TOO_LARGE`).
    public func readAll(limit: Int) throws -> [UInt8] {
        let expected = size
        guard expected <= limit else {
            throw FileSystemError(.tooLarge, "'\(name)' has \(expected) bytes, more than the limit of \(limit)")
        }
        return try read(from: 0, count: expected)
    }

    /// The last `count` bytes (fewer for a short file); empty when the file cannot be read.
    public func tail(_ count: Int) -> [UInt8] {
        let length = size
        let start = max(0, length - count)
        return (try? read(from: start, count: length - start)) ?? []
    }

    /// Up to `count` bytes from `offset`, fewer when the file ends first. Interrupted reads are retried.
    public func read(from offset: Int, count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got: Int
            do {
                got = try bytes.withUnsafeMutableBytes { buffer in
                    try descriptor.read(
                        fromAbsoluteOffset: Int64(offset + filled),
                        into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...])
                    )
                }
            } catch let error as Errno {
                throw FileSystemError.io("cannot read '\(name)'", error)
            }
            guard got > 0 else { break }
            filled += got
        }
        return Array(bytes.prefix(filled))
    }
}

extension FileDescriptor {
    /// Every byte until the end of the file, at most `limit` (`ERR::INPUT::TOO_LARGE` past it), for descriptors
    /// whose size is not known up front (pipes, standard input, files opened by path).
    public func readToEnd(limit: Int, name: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let got: Int
            do {
                got = try chunk.withUnsafeMutableBytes { try read(into: $0) }
            } catch let error as Errno {
                throw FileSystemError.io("cannot read '\(name)'", error)
            }
            guard got > 0 else { return bytes }
            guard bytes.count + got <= limit else {
                throw FileSystemError(.tooLarge, "'\(name)' is larger than the limit of \(limit) bytes")
            }
            bytes += chunk.prefix(got)
        }
    }

    /// Writes every byte; interrupted and partial writes are continued.
    public func writeEverything(_ bytes: some Sequence<UInt8>, name: String) throws {
        do { _ = try writeAll(bytes) } catch let error as Errno {
            throw FileSystemError.io("cannot write '\(name)'", error)
        }
    }
}

extension FileDescriptor {
    /// The bytes of the file at `path` (links followed: for configuration and files named on the command line,
    /// never for a tenant's files), at most `limit`; nil when it does not exist.
    public static func readFile(atPath path: String, limit: Int) throws -> [UInt8]? {
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(path, .readOnly, options: [.closeOnExec])
        } catch let error as Errno {
            if error == .noSuchFileOrDirectory { return nil }
            throw FileSystemError.io("cannot open '\(path)'", error)
        }
        return try descriptor.closeAfter { try descriptor.readToEnd(limit: limit, name: path) }
    }
}
