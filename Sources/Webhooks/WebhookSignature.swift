internal import Crypto

internal import enum Digest.Hex

/// The `Skillspool-Signature` header of a webhook post, Stripe's scheme: `t=UNIX_SECONDS,v1=HEX`, where `HEX` is the
/// HMAC-SHA256, keyed with the endpoint's secret, of the seconds, a `.`, and the body's bytes exactly as sent.
///
/// The time stamp inside the signed text lets a receiver refuse a replayed post (compare `t` with its clock); the
/// body is signed as bytes, so receivers must verify before parsing.
public enum WebhookSignature {
    /// The header's name.
    public static let headerName = "Skillspool-Signature"

    /// The header value for `body` sent at `timestamp` (seconds since 1970).
    public static func header(secret: [UInt8], timestamp: Int64, body: [UInt8]) -> String {
        "t=\(timestamp),v1=\(Hex.lowercase(mac(secret: secret, timestamp: timestamp, body: body)))"
    }

    /// Whether `header` signs `body` with `secret` and its time stamp lies within `tolerance` seconds of `now`.
    /// Several `v1=` values (sent while a secret is rotated) pass if any one matches.
    public static func verify(
        header: String,
        secret: [UInt8],
        body: [UInt8],
        now: Int64,
        tolerance: Int64 = 300
    ) -> Bool {
        var timestamp: Int64?
        var signatures: [String] = []
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces }
            guard pair.count == 2 else { continue }
            if pair[0] == "t" { timestamp = Int64(pair[1]) }
            if pair[0] == "v1" { signatures.append(pair[1].lowercased()) }
        }
        guard let timestamp, abs(now - timestamp) <= tolerance else { return false }
        let expected = Array(Hex.lowercase(mac(secret: secret, timestamp: timestamp, body: body)).utf8)
        // Compared in constant time: how much of a guess matched must not show in the time taken.
        return signatures.contains { candidate in
            let bytes = Array(candidate.utf8)
            guard bytes.count == expected.count else { return false }
            return zip(bytes, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
        }
    }

    static func mac(secret: [UInt8], timestamp: Int64, body: [UInt8]) -> [UInt8] {
        var signed = Array("\(timestamp).".utf8)
        signed.append(contentsOf: body)
        let code = HMAC<SHA256>.authenticationCode(for: signed, using: SymmetricKey(data: secret))
        return Array(code)
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
