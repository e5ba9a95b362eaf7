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

    /// Runs one phase of `job` to its end and returns normally when the worker succeeded.
    ///
    /// - Throws: the worker's own coded failure; `ERR::LIMIT::TIMEOUT`, `ERR::LIMIT::MEMORY`,
    ///   `ERR::INPUT::ENGINE_CRASH` when it was killed or crashed; `ERR::SPOOL::WORKER` when it could not start.
    func run(_ phase: JobWorker.Phase, job: String, tenant: String, work: Directory, limits: Limits) throws {
        try work.remove(Self.folderName)
        let folder = try work.folder(Self.folderName, create: true)
        let log = openat(folder.descriptor.rawValue, Self.logName, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard log >= 0 else { throw FileSystemError.lastCall("cannot create the worker's log in '\(folder.path)'") }
        defer { close(log) }

        var arguments = [
            "skillspool", "worker", phase.rawValue, "--tenant", tenant, "--job", job, "--memory-bytes",
            String(limits.memoryBytes), "--cpu-seconds", String(limits.seconds),
        ]
        if let configurationPath { arguments += ["--config", configurationPath] }
        let started = Timestamp.monotonicSeconds()
        let pid = try spawn(arguments, log: log)
        let ending = try wait(for: pid, seconds: Double(limits.seconds))
        let elapsed = Timestamp.monotonicSeconds() - started

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
        case .signalled(let signal) where ending.killedAtDeadline || signal == SIGXCPU:
            throw SpoolError(
                .timeout,
                "the \(phase.rawValue) step ran longer than the plan's \(limits.seconds) s and was stopped "
                    + "after \(Int(elapsed)) s"
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

    private func spawn(_ arguments: [String], log: Int32) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, log, 1)
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
        guard status == 0 else {
            throw SpoolError(
                .workerFailed,
                "cannot start the job's worker",
                retryable: true,
                cause: Errno(rawValue: status)
            )
        }
        return pid
    }

    /// How a worker ended.
    private struct Ending {
        enum Termination {
            case exited(Int32)
            case signalled(Int32)
        }
        var termination: Termination
        /// Whether the daemon killed it for running past its deadline.
        var killedAtDeadline: Bool
    }

    /// Waits for `pid` to end, killing it once `seconds` have passed; sleeps in `poll` on a pidfd, not on a timer.
    private func wait(for pid: pid_t, seconds: Double) throws -> Ending {
        let deadline = Timestamp.monotonicSeconds() + seconds
        var killed = false
        let descriptor = skillspool_pidfd_open(pid)
        if descriptor >= 0 {
            defer { close(descriptor) }
            while true {
                let remaining = deadline - Timestamp.monotonicSeconds()
                if remaining <= 0 {
                    kill(pid, SIGKILL)
                    killed = true
                    break
                }
                var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                let ready = poll(&entry, 1, Int32(min(remaining * 1_000, Double(Int32.max)).rounded(.up)))
                if ready > 0 { break }
                if ready < 0, errno != EINTR { break }
            }
        }
        // Without pidfds (Linux before 5.3) the deadline falls back on the worker's own RLIMIT_CPU.
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else {
                throw SpoolError(.workerFailed, "lost the job's worker", retryable: true, cause: Errno(rawValue: errno))
            }
        }
        let signal = status & 0x7f
        return Ending(
            termination: signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal),
            killedAtDeadline: killed
        )
    }

    private static func inheritedEnvironment() -> [String] {
        var result: [String] = []
        var cursor = environ
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
