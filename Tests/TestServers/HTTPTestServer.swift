import Foundation

/// The real HTTP server the fetch and webhook tests talk to: `Scripts/test-http-server.py` (Python's threading HTTP
/// server) on 127.0.0.1 and a port of its own, serving files from a temporary folder; stopped with the value.
public final class HTTPTestServer {
    public let folder: URL
    public let port: Int
    private let process: Process

    public var base: String { "http://127.0.0.1:\(port)" }

    public init() throws {
        folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("skillspool-http-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scripts/test-http-server.py")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, folder.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("port "), let port = Int(text.dropFirst(5).prefix { $0.isNumber }) else {
            process.terminate()
            throw TestPostgres.SetupError("the HTTP test server did not start: \(text)")
        }
        self.port = port
    }

    /// Puts a file where `GET /file/NAME` serves it.
    public func serve(_ bytes: [UInt8], as name: String) throws {
        try Data(bytes).write(to: folder.appendingPathComponent(name))
    }

    deinit {
        // Foundation's waitUntilExit can hang here (as it did for pg_ctl): kill and reap directly.
        let pid = process.processIdentifier
        kill(pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
        try? FileManager.default.removeItem(at: folder)
    }
}
