#if canImport(Glibc)
    import Glibc
#endif

/// UTC times as ISO 8601 text with milliseconds (`2026-11-23T15:39:37.123Z`), which sort as strings. Only status
/// files, logs and the ledger carry them; outputs never do.
public enum Timestamp {
    /// The current time.
    public static func now() -> String {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return format(seconds: Int(spec.tv_sec), milliseconds: Int(spec.tv_nsec / 1_000_000))
    }

    /// Milliseconds since the epoch on the wall clock (leases shared between hosts; keep their clocks in sync).
    public static func epochMilliseconds() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec / 1_000_000)
    }

    /// Formats seconds since the epoch, without locale or time zone.
    public static func format(seconds: Int, milliseconds: Int = 0) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(Int32(milliseconds), 3))Z"
    }

    /// The month (`YYYY-MM`) of a timestamp.
    public static func month(of timestamp: String) -> String { String(timestamp.prefix(7)) }

    /// Whether `text` is a `YYYY-MM` month.
    public static func isMonth(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-") else { return false }
        let digits = bytes[0..<4] + bytes[5..<7]
        guard digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return false }
        let month = Int(String(decoding: bytes[5..<7], as: UTF8.self)) ?? 0
        return (1...12).contains(month)
    }

    /// Seconds on the monotonic clock (immune to wall-clock changes), for quiet periods, deadlines and rate limits.
    public static func monotonicSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
