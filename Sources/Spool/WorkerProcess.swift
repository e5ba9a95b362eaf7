import CProcess
import FileSystem
import SpoolConfig
import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// A job's worker: the daemon's own executable started as `skillspool worker PHASE`, which does everything that
/// reads a tenant's bytes (archives, PDFs, layout, skills) in a process of its own, under the tenant's plan limits.
///
/// A crash, a runaway loop or an allocation spree ends that process and fails only its job with a code of its own;
/// the daemon never parses a document.
struct WorkerProcess: Sendable {
    /// The bounds one run gets.
    struct Limits: Sendable, Hashable {
        /// Wall-clock seconds before the worker is killed.
        var seconds: Int
        /// Address space (`RLIMIT_AS`) in bytes.
        var memoryBytes: Int

        init(plan: TenantConfiguration.Plan, documents: Int) {
            seconds = plan.secondsPerDocument * max(1, documents)
            memoryBytes = plan.memoryPerJobBytes
        }
    }

    /// The folder below `.work/<job>/` a worker writes into.
    static let folderName = "worker"
    /// The worker's standard error, kept for the log and for telling a memory failure from a crash.
    static let logName = "log.txt"
    /// A coded failure the worker reports before exiting with ``failureStatus``.
    static let failureName = "failure.json"
    /// The exit status of a worker that wrote ``failureName``.
    static let failureStatus: Int32 = 3

    /// The executable to start: this process's own image, even if the file was replaced by an upgrade since.
    var executable = "/proc/self/exe"
    /// `--config` for the worker; nil when the daemon runs on built-in defaults.
    var configurationPath: String?

    /// The line the worker writes once `inspection.json` is there, and the daemon's two answers.
    static let inspectedLine = "inspected"
    static let renderLine = "render"
    static let stopLine = "stop"

    /// Runs `job` in one worker process: it inspects the inputs, the daemon's `decide` reads `inspection.json`
    /// (and reserves credits) and says whether to go on, and the worker renders. Returns whether it rendered.
    ///
    /// - Throws: what `decide` throws (the worker is stopped first); the worker's own coded failure;
    ///   `ERR::LIMIT::TIMEOUT`, `ERR::LIMIT::MEMORY`, `ERR::INPUT::ENGINE_CRASH` when it was killed or crashed;
    ///   `ERR::SPOOL::WORKER` when it could not start.
    func run(
        job: String,
        tenant: String,
        work: Directory,
        plan: TenantConfiguration.Plan,
        inputs: Int,
        decide: (JobInspection) throws -> Int?
    ) throws -> Bool {
        try work.remove(Self.folderName)
        try work.remove(JobInspection.fileName)
        let folder = try work.folder(Self.folderName, create: true)
        let log = openat(
            folder.descriptor.rawValue,
            Self.logName,
            O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC,
            0o600
        )
        guard log >= 0 else { throw FileSystemError.lastCall("cannot create the worker's log in '\(folder.path)'") }
        defer { close(log) }

        // CPU time is only the backstop of the wall-clock deadlines below: the whole job at its largest.
        let cpuSeconds = plan.secondsPerDocument * (plan.documentsPerJob + 1)
        var arguments = [
            "skillspool", "worker", "--tenant", tenant, "--job", job, "--memory-bytes", String(plan.memoryPerJobBytes),
            "--cpu-seconds", String(cpuSeconds),
        ]
        if let configurationPath { arguments += ["--config", configurationPath] }
        var child = try spawn(arguments, log: log)
        defer { child.close() }

        let inspectLimits = Limits(plan: plan, documents: inputs)
        switch child.awaitLine(until: Timestamp.monotonicSeconds() + Double(inspectLimits.seconds)) {
        case .line(Self.inspectedLine):
            break
        case .line, .ended:
            try finish(&child, step: "inspect", limits: inspectLimits, log: folder, started: nil)
            throw SpoolError(.workerFailed, "the job's worker ended its inspection without a result", retryable: true)
        case .timedOut:
            kill(child.pid, SIGKILL)
            try finish(&child, step: "inspect", limits: inspectLimits, log: folder, started: nil, killed: true)
        }

        let documents: Int?
        do {
            documents = try decide(JobInspection(bytes: work.read(JobInspection.fileName, limit: 16 << 20)))
        } catch {
            child.say(Self.stopLine)
            try? finish(&child, step: "inspect", limits: inspectLimits, log: folder, started: nil)
            throw error
        }
        guard let documents else {
            child.say(Self.stopLine)
            try finish(&child, step: "inspect", limits: inspectLimits, log: folder, started: nil)
            return false
        }
        let renderLimits = Limits(plan: plan, documents: documents)
        child.say(Self.renderLine)
        try finish(&child, step: "render", limits: renderLimits, log: folder, started: Timestamp.monotonicSeconds())
        return true
    }

    /// Waits for the worker to end within its step's deadline (killing it at the deadline, or at once when
    /// `killed`), and turns anything but a clean exit into the job's failure.
    private func finish(
        _ child: inout Child,
        step: String,
        limits: Limits,
        log folder: Directory,
        started: Double?,
        killed: Bool = false
    ) throws {
        let begun = started ?? Timestamp.monotonicSeconds()
        let ending = try child.wait(until: killed ? begun : begun + Double(limits.seconds))
        let elapsed = Timestamp.monotonicSeconds() - begun
        switch ending.termination {
        case .exited(0):
            return
        case .exited(Self.failureStatus):
            let bytes = try folder.read(Self.failureName)
            let value = try WorkerRecord.parse(bytes, Self.failureName)
            guard let code = value["code"]?.stringValue, let message = value["message"]?.stringValue else {
                throw WorkerRecord.damaged(Self.failureName)
            }
            throw JobFailure(code: code, message: message, isRetryable: value["retryable"] == .bool(true))
        case .exited(let status):
            throw classify("exited with status \(status)", log: folder, limits: limits)
        case .signalled(let signal) where killed || ending.killedAtDeadline || signal == SIGXCPU:
            throw SpoolError(
                .timeout,
                "the \(step) step ran longer than the plan's \(limits.seconds) s and was stopped"
                    + (killed ? "" : " after \(Int(elapsed)) s")
            )
        case .signalled(let signal):
            throw classify("ended by signal \(signal)", log: folder, limits: limits)
        }
    }

    /// A worker that died on its own: out of memory when its log says an allocation failed, otherwise a crash.
    private func classify(_ what: String, log folder: Directory, limits: Limits) -> SpoolError {
        let tail = (try? folder.openRegularFile(Self.logName).tail(16_384)) ?? []
        let text = String(decoding: tail, as: UTF8.self)
        if text.contains("failed to allocate") || text.contains("bad_alloc") || text.contains("out of memory") {
            return SpoolError(
                .memory,
                "the document needs more than the plan's \(limits.memoryBytes >> 20) MiB of memory (the worker \(what))"
            )
        }
        let line = text.split(separator: "\n").first { $0.contains("Fatal error") || $0.contains("error:") }
        return SpoolError(
            .engineCrash,
            "the engine crashed on this job's documents (the worker \(what)\(line.map { ": \($0)" } ?? ""))"
        )
    }

    private func spawn(_ arguments: [String], log: Int32) throws -> Child {
        // The daemon's end of each pipe is close-on-exec, so no other worker inherits it.
        var toChild: [Int32] = [-1, -1]
        var fromChild: [Int32] = [-1, -1]
        guard skillspool_pipe_cloexec(&toChild) == 0 else {
            throw FileSystemError.lastCall("cannot make the worker's pipe")
        }
        guard skillspool_pipe_cloexec(&fromChild) == 0 else {
            Glibc.close(toChild[0])
            Glibc.close(toChild[1])
            throw FileSystemError.lastCall("cannot make the worker's pipe")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_adddup2(&actions, log, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A clean signal state: the daemon blocks and catches signals the worker must feel, and a terminal's
        // Ctrl-C must reach the daemon (which lets running jobs finish), not its workers (own process group).
        var empty = sigset_t()
        sigemptyset(&empty)
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes,
            Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP)
        )

        // The worker's environment: the daemon's, without the crash backtracer (it would fork a symbolicator
        // inside the dying worker's limits).
        let environment =
            Self.inheritedEnvironment().filter { !$0.hasPrefix("SWIFT_BACKTRACE=") } + ["SWIFT_BACKTRACE=enable=no"]
        var pid = pid_t()
        let status = Self.withCStrings(arguments) { argv in
            Self.withCStrings(environment) { envp in posix_spawn(&pid, executable, &actions, &attributes, argv, envp) }
        }
        Glibc.close(toChild[0])
        Glibc.close(fromChild[1])
        guard status == 0 else {
            Glibc.close(toChild[1])
            Glibc.close(fromChild[0])
            throw SpoolError(
                .workerFailed,
                "cannot start the job's worker",
                retryable: true,
                cause: Errno(rawValue: status)
            )
        }
        return Child(pid: pid, input: toChild[1], output: fromChild[0], pidDescriptor: skillspool_pidfd_open(pid))
    }

    /// How a worker ended.
    struct Ending {
        enum Termination {
            case exited(Int32)
            case signalled(Int32)
        }
        var termination: Termination
        /// Whether the daemon killed it for running past its deadline.
        var killedAtDeadline: Bool
    }

    /// A running worker and the daemon's ends of its pipes.
    struct Child {
        let pid: pid_t
        /// The worker's standard input (the daemon's answers).
        var input: Int32
        /// The worker's standard output (its progress lines).
        var output: Int32
        /// Readable once the worker has ended (-1 on kernels without pidfds).
        var pidDescriptor: Int32
        private var received: [UInt8] = []
        private var reaped = false

        init(pid: pid_t, input: Int32, output: Int32, pidDescriptor: Int32) {
            self.pid = pid
            self.input = input
            self.output = output
            self.pidDescriptor = pidDescriptor
        }

        /// What waiting for a line brought.
        enum LineResult: Equatable {
            case line(String)
            case ended
            case timedOut
        }

        /// The next line the worker writes, unless it ends first or `deadline` (monotonic seconds) passes.
        mutating func awaitLine(until deadline: Double) -> LineResult {
            var buffer = [UInt8](repeating: 0, count: 256)
            while true {
                if let newline = received.firstIndex(of: 0x0A) {
                    let line = String(decoding: received[..<newline], as: UTF8.self)
                    received.removeSubrange(...newline)
                    return .line(line)
                }
                let remaining = deadline - Timestamp.monotonicSeconds()
                if remaining <= 0 { return .timedOut }
                var entry = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
                let ready = poll(&entry, 1, Int32(min(remaining * 1_000, Double(Int32.max)).rounded(.up)))
                if ready < 0, errno == EINTR { continue }
                guard ready > 0 else { continue }
                let count = read(output, &buffer, buffer.count)
                if count < 0, errno == EINTR { continue }
                // End of file: the worker closed its output, which it does only by ending.
                guard count > 0 else { return .ended }
                received += buffer[..<count]
                // A worker is not a chatty process: a long line without a newline is not one of ours.
                if received.count > 4_096 { return .ended }
            }
        }

        /// Writes one line to the worker; a worker that already ended is found by ``wait(until:)``.
        func say(_ line: String) {
            let bytes = Array((line + "\n").utf8)
            _ = bytes.withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
        }

        /// Waits for the worker to end, killing it once `deadline` (monotonic seconds) has passed; sleeps in `poll`
        /// on a pidfd, not on a timer. Without pidfds the deadline falls back on the worker's own RLIMIT_CPU.
        mutating func wait(until deadline: Double) throws -> Ending {
            var killed = false
            if pidDescriptor >= 0 {
                while true {
                    let remaining = deadline - Timestamp.monotonicSeconds()
                    if remaining <= 0 {
                        kill(pid, SIGKILL)
                        killed = true
                        break
                    }
                    var entry = pollfd(fd: pidDescriptor, events: Int16(POLLIN), revents: 0)
                    let ready = poll(&entry, 1, Int32(min(remaining * 1_000, Double(Int32.max)).rounded(.up)))
                    if ready > 0 { break }
                    if ready < 0, errno != EINTR { break }
                }
            }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 {
                guard errno == EINTR else {
                    throw SpoolError(
                        .workerFailed,
                        "lost the job's worker",
                        retryable: true,
                        cause: Errno(rawValue: errno)
                    )
                }
            }
            reaped = true
            let signal = status & 0x7f
            return Ending(
                termination: signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal),
                killedAtDeadline: killed
            )
        }

        /// Closes the daemon's descriptors; a worker not waited for (an error on the way) is killed and reaped.
        mutating func close() {
            if !reaped {
                kill(pid, SIGKILL)
                var status: Int32 = 0
                while waitpid(pid, &status, 0) < 0, errno == EINTR {}
                reaped = true
            }
            for descriptor in [input, output, pidDescriptor] where descriptor >= 0 { Glibc.close(descriptor) }
            (input, output, pidDescriptor) = (-1, -1, -1)
        }
    }

    private static func inheritedEnvironment() -> [String] {
        var result: [String] = []
        var cursor = Glibc.environ
        while let entry = cursor.pointee {
            result.append(String(cString: entry))
            cursor += 1
        }
        return result
    }

    /// Calls `body` with a NULL-terminated C array of `strings`, valid for the call only.
    private static func withCStrings<T>(
        _ strings: [String],
        _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> T
    ) -> T {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
