import ConvertCLI
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// `skillspool`: converts PDFs in its own process, and hands every other command (and the conversion of other
/// formats) to the complete command tree (`skillspool-core`) by replacing itself with it, so exit status, output
/// and signals are the core's own.
@main
enum Launcher {
    /// Where the core is looked for, relative to this executable's folder: beside it (the build folder) or in
    /// `libexec` (an installation by `make install`).
    static let corePaths = ["skillspool-core", "../libexec/skillspool/skillspool-core"]

    static func main() {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            if let request = ConvertRequest(commonArguments: arguments) {
                try request.run(reader: PDFSourceReader.self)
                return
            }
            guard let first = arguments.first, ConvertTool.runsInProcess(first) else { execCore(arguments) }
            var command = try ConvertTool.parseAsRoot(arguments)
            try command.run()
        } catch is SourceHandOver {
            execCore(arguments)
        } catch {
            ConvertTool.exit(withError: error)
        }
    }

    private static func execCore(_ arguments: [String]) -> Never {
        let folder = executableFolder()
        let candidates = corePaths.map { folder + "/" + $0 }
        let argv = ["skillspool"] + arguments
        var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) }
        cArguments.append(nil)
        for path in candidates where access(path, X_OK) == 0 {
            execv(path, &cArguments)
        }
        StandardStreams.reportError(
            code: "ERR::CLI::MISSING_COMPONENT",
            message: "cannot run \(candidates.joined(separator: " or ")): \(String(cString: strerror(errno)))",
            retryable: false
        )
        exit(2)
    }

    /// The folder of the running executable (links resolved).
    private static func executableFolder() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return "." }
        let path = String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}
