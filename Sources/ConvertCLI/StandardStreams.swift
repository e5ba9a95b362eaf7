import FileSystem
import JSON
import SystemPackage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes to stdout and stderr by file descriptor (Swift 6 forbids touching C's global `stdout`/`stderr`).
public enum StandardStreams {
    public static func writeOut(_ text: String) { write(Array(text.utf8), to: STDOUT_FILENO) }

    public static func writeOut(bytes: [UInt8]) { write(bytes, to: STDOUT_FILENO) }

    public static func writeError(_ text: String) { write(Array(text.utf8), to: STDERR_FILENO) }

    /// Prints `{"code": …, "message": …, "retryable": …}` on stderr.
    public static func reportError(code: String, message: String, retryable: Bool) {
        let object = JSONValue.object([
            ("code", .string(code)), ("message", .string(message)), ("retryable", .bool(retryable)),
        ])
        writeError(JSONWriter.serialize(object) + "\n")
    }

    /// Output that cannot be written (a closed pipe) is dropped: there is nobody left to tell.
    private static func write(_ bytes: [UInt8], to descriptor: Int32) {
        try? FileDescriptor(rawValue: descriptor).writeEverything(bytes, name: "standard stream")
    }
}
