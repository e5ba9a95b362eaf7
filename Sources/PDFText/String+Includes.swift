#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension String {
    /// Whether `other` occurs in the string, compared as UTF-8 bytes. The standard library's `contains(_:)` for
    /// strings searches character by character through generic collection code, about ten times slower, which
    /// shows when labels and font names are tested against word lists for every line of a document.
    public func includes(_ other: String) -> Bool {
        guard !other.isEmpty else { return true }
        var haystack = self
        var needle = other
        return haystack.withUTF8 { bytes in
            needle.withUTF8 { pattern in
                guard let base = bytes.baseAddress, let start = pattern.baseAddress, pattern.count <= bytes.count else {
                    return false
                }
                // memchr finds each candidate first byte, memcmp checks the rest (memmem is not exported by Glibc).
                let first = Int32(pattern[0])
                var offset = 0
                let last = bytes.count - pattern.count
                while offset <= last, let hit = memchr(base + offset, first, last - offset + 1) {
                    let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + position, start, pattern.count) == 0 { return true }
                    offset = position + 1
                }
                return false
            }
        }
    }
}
