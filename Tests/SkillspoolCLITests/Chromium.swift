import Foundation
import Testing

/// Headless Chromium, to check pages as a browser renders them (`make test` installs Debian's `chromium`).
enum Chromium {
    static let paths = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]

    /// The DOM Chromium builds from the HTML file at `url`, serialised.
    static func dom(of url: URL) throws -> String {
        guard let executable = paths.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            Issue.record("headless Chromium is not installed (make test installs it: apt-get install chromium)")
            return ""
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", url.absoluteString]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
