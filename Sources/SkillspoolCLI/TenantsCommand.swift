import ArgumentParser
import ConvertCLI
import DocumentModel
import FileSystem
import JSON
import Spool
import SpoolConfig

#if canImport(Glibc)
    import Glibc
#endif

/// `skillspool tenants add|list`.
struct TenantsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenants",
        abstract: "Add tenants (configuration and spool folders) and list them.",
        subcommands: [Add.self, List.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create etc/tenants/NAME.json with the default plan and spool/NAME/{inbox,outbox,review,failed}."
        )

        @Option(help: "Daemon configuration (default: etc/skillspool.json if present).")
        var config: String?

        @Argument(help: "Tenant name: lowercase letters, digits and dashes, starting with a letter.")
        var name: String

        @Option(help: "Monthly subscription credits (1 credit = 1 converted page).")
        var monthlyCredits = 1_000

        func run() throws {
            try CommandErrors.run {
                guard TenantConfiguration.isValidName(name) else {
                    throw ValidationError("'\(name)' is not a valid tenant name (a-z, 0-9, -, starting with a letter)")
                }
                let configuration = try SpoolConfiguration.load(path: config)
                let folder = try Directory.open(path: configuration.tenantsPath)
                let file = name + ".json"
                if !folder.contains(file) {
                    try folder.writeDurably(file, Array(Self.defaultConfiguration(name, credits: monthlyCredits).utf8))
                }
                let tenant = try TenantConfiguration.load(configuration.tenantsPath + "/" + file)
                if mkdir(configuration.spoolPath, 0o755) != 0, errno != EEXIST {
                    throw SpoolError(.io, "cannot create '\(configuration.spoolPath)'")
                }
                let spool = try TenantSpool(configuration: tenant, spool: Directory.open(path: configuration.spoolPath))
                StandardStreams.writeOut(
                    "tenant \(tenant.name): \(configuration.tenantsPath)/\(file), drop files into \(spool.inbox.path)/\n"
                )
            }
        }

        static func defaultConfiguration(_ name: String, credits: Int) -> String {
            let defaults = TenantConfiguration(name: name)
            let value = JSONValue.object([
                ("name", .string(name)), ("quietSeconds", .number(defaults.quietSeconds)),
                ("settleSeconds", .number(defaults.settleSeconds)),
                ("defaultFormats", .array(defaults.defaultFormats.map { .string($0) })),
                (
                    "plan",
                    .object([
                        ("documentsPerJob", .int(defaults.plan.documentsPerJob)),
                        ("bytesPerDocument", .int(defaults.plan.bytesPerDocument)),
                        ("pagesPerDocument", .int(defaults.plan.pagesPerDocument)),
                        ("concurrentJobs", .int(defaults.plan.concurrentJobs)),
                        ("jobsPerHour", .int(defaults.plan.jobsPerHour)), ("monthlyCredits", .int(credits)),
                    ])
                ),
                ("qa", .object([("threshold", .int(defaults.qaThreshold))])), ("categories", .array([])),
            ])
            return JSONWriter.serialize(value, pretty: true) + "\n"
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the configured tenants and their plans.")

        @Option(help: "Daemon configuration (default: etc/skillspool.json if present).")
        var config: String?

        func run() throws {
            try CommandErrors.run {
                let configuration = try SpoolConfiguration.load(path: config)
                let tenants = try TenantConfiguration.loadAll(folder: configuration.tenantsPath)
                let rows = tenants.map {
                    [
                        $0.name, $0.defaultFormats.joined(separator: ","), "\($0.plan.monthlyCredits)",
                        "\($0.plan.documentsPerJob)", "\($0.plan.jobsPerHour)", "\($0.settleSeconds)",
                    ]
                }
                var table = TextTable(
                    header: ["tenant", "formats", "credits/month", "docs/job", "jobs/hour", "settle s"],
                    numericColumns: [2, 3, 4, 5]
                )
                table.rows = rows
                StandardStreams.writeOut(table.render())
            }
        }
    }
}
