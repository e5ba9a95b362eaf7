/// Big-endian reads over a byte array that return nil instead of trapping.
struct BinaryReader {
    let data: [UInt8]
    init(_ data: [UInt8]) { self.data = data }

    func u8(_ offset: Int) -> UInt8? {
        offset >= 0 && offset < data.count ? data[offset] : nil
    }
    func u16(_ offset: Int) -> UInt16? {
        guard offset >= 0, offset + 2 <= data.count else { return nil }
        return UInt16(data[offset]) << 8 | UInt16(data[offset + 1])
    }
    func u32(_ offset: Int) -> UInt32? {
        guard offset >= 0, offset + 4 <= data.count else { return nil }
        return UInt32(data[offset]) << 24 | UInt32(data[offset + 1]) << 16 | UInt32(data[offset + 2]) << 8
            | UInt32(data[offset + 3])
    }
    /// An unsigned big-endian integer of 1–4 bytes.
    func uint(_ offset: Int, size: Int) -> UInt32? {
        guard size >= 1, size <= 4, offset >= 0, offset + size <= data.count else { return nil }
        var value: UInt32 = 0
        for index in 0..<size { value = value << 8 | UInt32(data[offset + index]) }
        return value
    }
    func tag(_ offset: Int) -> String? {
        bytes(offset, 4).map { String(decoding: $0, as: UTF8.self) }
    }
    func bytes(_ offset: Int, _ count: Int) -> ArraySlice<UInt8>? {
        guard offset >= 0, count >= 0, offset + count <= data.count else { return nil }
        return data[offset..<offset + count]
    }
}
