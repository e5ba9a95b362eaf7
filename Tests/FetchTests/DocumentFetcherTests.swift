import Fetch
import Foundation
import TestServers
import Testing

/// Fetching against a real HTTP server on 127.0.0.1: allowed only where the tenant's policy allows loopback and
/// http, refused with codes for private addresses, schemes, oversize and slow bodies, and redirect chains.
@Suite(.serialized) struct DocumentFetcherTests {
    static func loopbackPolicy() -> FetchPolicy {
        var policy = FetchPolicy()
        policy.allowHTTP = true
        policy.allowPrivateAddresses = true
        policy.maxBytes = 1 << 20
        // Generous: the whole test suite runs in parallel on two cores, and busy threads delay a loopback answer.
        policy.timeoutSeconds = 60
        return policy
    }

    static func code(_ body: () async throws -> Void) async -> String? {
        do {
            try await body()
            return nil
        } catch let error as FetchError {
            return error.code.rawValue
        } catch {
            return "\(error)"
        }
    }

    @Test func fetchesAFileAndFollowsRedirects() async throws {
        let server = try HTTPTestServer()
        let bytes = Array("%PDF-1.4 fetched".utf8)
        try server.serve(bytes, as: "doc.pdf")
        let direct = try await DocumentFetcher.fetch("\(server.base)/file/doc.pdf", policy: Self.loopbackPolicy())
        #expect(direct.bytes == bytes)
        #expect(direct.redirects == 0)
        let redirected = try await DocumentFetcher.fetch(
            "\(server.base)/redirect/3/doc.pdf",
            policy: Self.loopbackPolicy()
        )
        #expect(redirected.bytes == bytes)
        #expect(redirected.redirects == 3)
        #expect(redirected.finalURL.hasSuffix("/file/doc.pdf"))
    }

    @Test func theDefaultPolicyRefusesLoopbackAndHTTP() async throws {
        let server = try HTTPTestServer()
        try server.serve([1, 2, 3], as: "a.bin")
        var httpsOnly = Self.loopbackPolicy()
        httpsOnly.allowHTTP = false
        #expect(
            await Self.code { _ = try await DocumentFetcher.fetch("\(server.base)/file/a.bin", policy: httpsOnly) }
                == "ERR::FETCH::SCHEME_NOT_ALLOWED"
        )
        var publicOnly = Self.loopbackPolicy()
        publicOnly.allowPrivateAddresses = false
        for host in ["127.0.0.1:\(server.port)", "localhost:\(server.port)", "[::1]:\(server.port)", "10.1.2.3", "169.254.169.254"] {
            #expect(
                await Self.code { _ = try await DocumentFetcher.fetch("http://\(host)/file/a.bin", policy: publicOnly) }
                    == "ERR::FETCH::PRIVATE_ADDRESS",
                "\(host)"
            )
        }
    }

    @Test func limitsHold() async throws {
        let server = try HTTPTestServer()
        var policy = Self.loopbackPolicy()
        policy.maxBytes = 100_000
        #expect(await Self.code { _ = try await DocumentFetcher.fetch("\(server.base)/endless", policy: policy) } == "ERR::FETCH::TOO_LARGE")
        #expect(
            await Self.code { _ = try await DocumentFetcher.fetch("\(server.base)/announced-huge", policy: policy) }
                == "ERR::FETCH::TOO_LARGE"
        )
        // 1,000,000 bytes at 100 a second: within the size limit, far beyond the time limit.
        policy.maxBytes = 2_000_000
        policy.timeoutSeconds = 3
        let started = Date()
        #expect(await Self.code { _ = try await DocumentFetcher.fetch("\(server.base)/slow", policy: policy) } == "ERR::FETCH::TIMEOUT")
        #expect(Date().timeIntervalSince(started) < 30)
        policy.timeoutSeconds = 60
        policy.maxRedirects = 2
        try server.serve([1], as: "x")
        #expect(
            await Self.code { _ = try await DocumentFetcher.fetch("\(server.base)/redirect/3/x", policy: policy) }
                == "ERR::FETCH::TOO_MANY_REDIRECTS"
        )
        #expect(await Self.code { _ = try await DocumentFetcher.fetch("\(server.base)/status/404", policy: policy) } == "ERR::FETCH::HTTP_STATUS")
        #expect(await Self.code { _ = try await DocumentFetcher.fetch("ftp://example.com/x", policy: policy) } == "ERR::FETCH::SCHEME_NOT_ALLOWED")
        #expect(await Self.code { _ = try await DocumentFetcher.fetch("not a url", policy: policy) } == "ERR::FETCH::BAD_URL")
        #expect(
            await Self.code { _ = try await DocumentFetcher.fetch("https://user:pw@example.com/x", policy: policy) }
                == "ERR::FETCH::BAD_URL"
        )
    }

    @Test(arguments: [
        ("8.8.8.8", true), ("127.0.0.1", false), ("10.0.0.1", false), ("172.16.5.4", false), ("172.32.0.1", true),
        ("192.168.1.1", false), ("169.254.169.254", false), ("100.64.0.1", false), ("0.0.0.0", false),
        ("224.0.0.1", false), ("255.255.255.255", false), ("2606:4700::1111", true), ("::1", false), ("::", false),
        ("fe80::1", false), ("fd00::1", false), ("::ffff:127.0.0.1", false), ("::ffff:8.8.8.8", true),
        ("64:ff9b::10.0.0.1", false), ("2002:c0a8:0101::1", false), ("ff02::1", false),
    ])
    func publicAddresses(_ text: String, _ isPublic: Bool) throws {
        let address = try #require(NetworkAddress(text))
        #expect(address.isPublic == isPublic)
    }
}
