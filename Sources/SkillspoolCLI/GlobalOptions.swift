import ArgumentParser
import Ledger
import SpoolConfig

/// Options every command that touches the daemon's state shares.
struct GlobalOptions: ParsableArguments {
    @Option(help: "Daemon configuration (default: etc/skillspool.json if present).")
    var config: String?

    @Option(help: "Ledger: a SQLite file or a postgresql:// URL (default: the configuration's, ./spool/ledger.sqlite).")
    var ledger: String?

    func configuration() throws -> SpoolConfiguration {
        try SpoolConfiguration.load(path: config)
    }

    func openLedger() throws -> Ledger {
        try Ledger(setting: ledger ?? configuration().ledger)
    }

    /// Monthly allowances from the tenant configurations.
    func allowances() throws -> [String: Int] {
        let tenants = try TenantConfiguration.loadAll(folder: configuration().tenantsPath)
        return Dictionary(uniqueKeysWithValues: tenants.map { ($0.name, $0.plan.monthlyCredits) })
    }
}
