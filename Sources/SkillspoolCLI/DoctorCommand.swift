import ArgumentParser
import ConvertCLI
import FileSystem
import JSON
import Ledger
import Skills
import Spool
import SpoolConfig
import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// `skillspool doctor`: checks what the daemon needs before it is started.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract:
            "Check configuration, folders, ledger (and, on PostgreSQL, which node serves which tenant), inotify limits and free disk; exit 1 when something fails."
    )

    @Option(help: "Daemon configuration (default: etc/skillspool.json if present).")
    var config: String?

    @Flag(help: "Print the checks as JSON.")
    var json = false

    struct Check {
        var name: String
        var ok: Bool
        var detail: String
    }

    func run() throws {
        var checks: [Check] = []
        var configuration = SpoolConfiguration()
        do {
            configuration = try SpoolConfiguration.load(path: config)
            checks.append(Check(name: "configuration", ok: true, detail: config ?? SpoolConfiguration.defaultPath))
        } catch { checks.append(Check(name: "configuration", ok: false, detail: "\(error)")) }
        var tenants: [TenantConfiguration] = []
        do {
            tenants = try TenantConfiguration.loadAll(folder: configuration.tenantsPath)
            checks.append(
                Check(
                    name: "tenants",
                    ok: !tenants.isEmpty,
                    detail: tenants.isEmpty
                        ? "none in \(configuration.tenantsPath) (add one with `skillspool tenants add NAME`)"
                        : tenants.map(\.name).joined(separator: ", ")
                )
            )
        } catch { checks.append(Check(name: "tenants", ok: false, detail: "\(error)")) }
        checks.append(spoolCheck(configuration))
        checks.append(contentsOf: tenantChecks(configuration, tenants: tenants))
        checks.append(contentsOf: webhookChecks(tenants))
        do {
            let ledger = try Ledger(setting: configuration.ledger)
            let allowances = Dictionary(uniqueKeysWithValues: tenants.map { ($0.name, $0.plan.monthlyCredits) })
            let violations = try ledger.verify(allowances: allowances)
            checks.append(
                Check(
                    name: "ledger",
                    ok: violations.isEmpty,
                    detail: violations.isEmpty
                        ? ledger.location.description : "\(violations.count) verify violations"
                )
            )
            if case .postgresql = ledger.location {
                // Which node serves which tenant now (several daemons on one spool); a lapsed lease is a node gone.
                let now = Timestamp.epochMilliseconds()
                let leases = try ledger.tenantLeases()
                let served = Set(leases.filter { $0.expiresMilliseconds >= now }.map(\.tenant))
                let unserved = tenants.map(\.name).filter { !served.contains($0) }
                checks.append(
                    Check(
                        name: "nodes",
                        ok: true,
                        detail: leases.isEmpty
                            ? "no node serves a tenant (none running)"
                            : leases.map { "\($0.tenant)→\($0.node)\($0.expiresMilliseconds < now ? " (lapsed)" : "")" }
                                .joined(separator: ", ")
                                + (unserved.isEmpty ? "" : "; not served now: \(unserved.joined(separator: ", "))")
                    )
                )
            }
        } catch { checks.append(Check(name: "ledger", ok: false, detail: "\(error)")) }
        checks.append(contentsOf: inotifyChecks(tenants: tenants.count, configuration: configuration))
        checks.append(diskCheck(configuration.spoolPath))

        if json {
            let value = JSONValue.array(
                checks.map {
                    .object([("check", .string($0.name)), ("ok", .bool($0.ok)), ("detail", .string($0.detail))])
                }
            )
            StandardStreams.writeOut(JSONWriter.serialize(value, pretty: true) + "\n")
        } else {
            var table = TextTable(header: ["check", "result", "detail"])
            table.rows = checks.map { [$0.name, $0.ok ? "ok" : "FAIL", $0.detail] }
            StandardStreams.writeOut(table.render())
        }
        if checks.contains(where: { !$0.ok }) { throw ExitCode(1) }
    }

    private func spoolCheck(_ configuration: SpoolConfiguration) -> Check {
        do {
            if mkdir(configuration.spoolPath, 0o755) != 0, errno != EEXIST {
                throw SpoolError(.io, "cannot create \(configuration.spoolPath)")
            }
            let spool = try Directory.open(path: configuration.spoolPath)
            try spool.writeDurably(".doctor-probe", Array("ok\n".utf8))
            try spool.remove(".doctor-probe")
            let mode =
                configuration.watchMode == .auto
                ? (SpoolDaemon.isNetworkFileSystem(configuration.spoolPath) ? "poll (network file system)" : "inotify")
                : configuration.watchMode.rawValue
            return Check(name: "spool folders", ok: true, detail: "\(configuration.spoolPath) writable; watch: \(mode)")
        } catch { return Check(name: "spool folders", ok: false, detail: "\(error)") }
    }

    /// One check per tenant, the same one the daemon makes at start: a tenant failing it is served by nobody
    /// (the daemon marks it degraded and serves the others).
    private func tenantChecks(_ configuration: SpoolConfiguration, tenants: [TenantConfiguration]) -> [Check] {
        guard let spool = try? Directory.open(path: configuration.spoolPath) else { return [] }
        return tenants.map { tenant in
            do {
                let opened = try TenantSpool.open(configuration: tenant, spool: spool)
                return Check(name: "tenant \(tenant.name)", ok: true, detail: opened.root.path)
            } catch {
                return Check(name: "tenant \(tenant.name)", ok: false, detail: "degraded: \(error)")
            }
        }
    }

    /// One check per webhook endpoint: its secret can be read (a delivery without it is retried until it gives up).
    private func webhookChecks(_ tenants: [TenantConfiguration]) -> [Check] {
        tenants.flatMap { tenant in
            tenant.webhooks.map { endpoint in
                do {
                    _ = try endpoint.secret()
                    return Check(name: "webhook \(tenant.name)", ok: true, detail: endpoint.url)
                } catch {
                    return Check(name: "webhook \(tenant.name)", ok: false, detail: "\(endpoint.url): \(error)")
                }
            }
        }
    }

    private func inotifyChecks(tenants: Int, configuration: SpoolConfiguration) -> [Check] {
        // /proc files report size 0, so read until end of file rather than by size.
        func read(_ name: String) -> Int? {
            guard let bytes = try? FileDescriptor.readFile(atPath: "/proc/sys/fs/inotify/" + name, limit: 64) else {
                return nil
            }
            return Int(String(decoding: bytes, as: UTF8.self).trimmingWhitespace())
        }
        guard configuration.watchMode != .poll else {
            return [Check(name: "inotify", ok: true, detail: "not used (watch: poll)")]
        }
        let watches = read("max_user_watches")
        let queued = read("max_queued_events")
        let instances = read("max_user_instances")
        return [
            Check(
                name: "inotify watches",
                ok: (watches ?? 0) >= tenants + 16,
                detail: "max_user_watches \(watches.map(String.init) ?? "unreadable"); one per tenant inbox"
            ),
            Check(
                name: "inotify queue",
                ok: (queued ?? 0) >= 1_024,
                detail:
                    "max_queued_events \(queued.map(String.init) ?? "unreadable"); overflows are recovered by listing"
            ),
            Check(
                name: "inotify instances",
                ok: (instances ?? 0) >= 1,
                detail: "max_user_instances \(instances.map(String.init) ?? "unreadable")"
            ),
        ]
    }

    private func diskCheck(_ path: String) -> Check {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else {
            return Check(name: "free disk", ok: false, detail: "statvfs failed on \(path)")
        }
        let free = Int(info.f_bavail) * Int(info.f_frsize)
        let mebibytes = free >> 20
        return Check(name: "free disk", ok: mebibytes >= 512, detail: "\(mebibytes) MiB free under \(path)")
    }
}
