import Digest
import Testing

@Suite("SHA-256")
struct SHA256Tests {
    @Test(
        "FIPS 180-4 example vectors",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
        ]
    )
    func vectors(input: String, expected: String) {
        #expect(SHA256.hex(of: input) == expected)
    }

    @Test("a million 'a' bytes")
    func million() {
        #expect(
            SHA256.hex(of: [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        )
    }

    @Test("fed in pieces of any size, the digest is the same", arguments: [1, 3, 63, 64, 65, 1000])
    func incremental(piece: Int) {
        let bytes = (0..<5_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var hasher = SHA256()
        var start = 0
        while start < bytes.count {
            hasher.update(bytes[start..<min(start + piece, bytes.count)])
            start += piece
        }
        #expect(hasher.hexDigest() == SHA256.hex(of: bytes))
    }
}
