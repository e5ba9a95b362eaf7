import Ledger
import Testing

@Suite("The ledger setting")
struct LocationTests {
    @Test(
        "postgresql URLs are parsed into an address; anything else is a SQLite path",
        arguments: [
            ("./spool/ledger.sqlite", "./spool/ledger.sqlite"),
            ("postgresql://ledger@db.internal/skillspool", "postgresql://ledger@db.internal:5432/skillspool"),
            ("postgres://ledger:s%40cret@10.0.0.5:6432/billing", "postgresql://ledger:***@10.0.0.5:6432/billing"),
            ("postgresql://ledger@[::1]:5433/db", "postgresql://ledger@[::1]:5433/db"),
            (
                "postgresql://ledger@/skillspool?host=/run/postgresql",
                "postgresql://ledger@/skillspool?host=/run/postgresql&port=5432"
            ),
            (
                "postgresql://ledger@db/skillspool?passwordFile=/etc/skillspool/db-password&sslmode=require",
                "postgresql://ledger@db:5432/skillspool"
            ),
        ]
    )
    func parses(setting: String, shown: String) throws {
        #expect(try LedgerLocation(setting).description == shown)
    }

    @Test("passwords come from the URL, a file, or the environment")
    func passwordSources() throws {
        func source(_ setting: String) throws -> PostgresAddress.PasswordSource? {
            guard case .postgresql(let address) = try LedgerLocation(setting) else { return nil }
            return address.password
        }
        #expect(try source("postgresql://u:p%2Fq@h/d") == .inline("p/q"))
        #expect(try source("postgresql://u@h/d?passwordFile=/run/secret") == .file("/run/secret"))
        #expect(try source("postgresql://u@h/d?passwordEnv=LEDGER_PW") == .environment("LEDGER_PW"))
        #expect(try source("postgresql://u@h/d") == .environment("PGPASSWORD"))
    }

    @Test(
        "a malformed URL is refused with ERR::LEDGER::INVALID_LOCATION",
        arguments: [
            "postgresql://h/db", "postgresql://u@h", "postgresql://u@h/", "postgresql://u@h:99999/d",
            "postgresql://u@h:port/d", "postgresql://u@h/d?colour=red", "postgresql://u@h/d?sslmode=verify-full",
            "postgresql://u@h/d?broken", "postgresql://u%zz@h/d", "",
        ]
    )
    func refuses(setting: String) {
        do {
            _ = try LedgerLocation(setting)
            Issue.record("'\(setting)' was accepted")
        } catch let error as LedgerError {
            #expect(error.code == .invalidLocation)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("an unreachable server is a retryable ERR::LEDGER::DATABASE, not a crash")
    func unreachable() {
        do {
            _ = try Ledger(setting: "postgresql://nobody@/db?host=/nonexistent-folder")
            Issue.record("a ledger opened without a server")
        } catch let error as LedgerError {
            #expect(error.code == .database && error.isRetryable)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
