internal import AsyncHTTPClient
internal import Dispatch
internal import Foundation
internal import NIOCore
internal import NIOHTTP1

/// A document fetched from its URL.
public struct FetchedDocument: Sendable {
    /// The URL the bytes came from, after redirects.
    public var finalURL: String
    public var bytes: [UInt8]
    /// The `Content-Type` the server sent (a hint: the content is told from the bytes).
    public var contentType: String?
    public var redirects: Int
}

/// Fetches documents named by URL in manifests, under a tenant's ``FetchPolicy``: `https://` only unless `http://`
/// is allowed; every host (the first and each redirect's) resolved, every address checked, and the connection made
/// to the checked address (AsyncHTTPClient's DNS override keeps the host name for TLS and `Host`), so a name that
/// resolves differently a moment later cannot reach a private address; redirects followed here, at most
/// `maxRedirects`; the body refused past `maxBytes`; the whole fetch bounded by `timeoutSeconds`.
public enum DocumentFetcher {
    /// Fetches `url` from synchronous code (the job worker), blocking the calling thread.
    public static func fetchBlocking(_ url: String, policy: FetchPolicy) throws -> FetchedDocument {
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                outcome.set(.success(try await fetch(url, policy: policy)))
            } catch {
                outcome.set(.failure(error))
            }
            done.signal()
        }
        done.wait()
        return try outcome.get()
    }

    public static func fetch(_ url: String, policy: FetchPolicy) async throws -> FetchedDocument {
        let seconds = max(policy.timeoutSeconds, 0.001)
        return try await withThrowingTaskGroup(of: FetchedDocument.self) { group in
            group.addTask { try await follow(url, policy: policy) }
            group.addTask {
                try await Task.sleep(for: .milliseconds(Int(seconds * 1_000)))
                throw FetchError(.timeout, "fetching '\(url)' took longer than \(seconds) s", retryable: true)
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else {
                throw FetchError(.timeout, "fetching '\(url)' ended without a result", retryable: true)
            }
            return first
        }
    }

    /// Requests `url`, following redirects, each target checked before it is connected to.
    static func follow(_ url: String, policy: FetchPolicy) async throws -> FetchedDocument {
        var current = try FetchTarget(url, policy: policy)
        var redirects = 0
        while true {
            let response = try await request(current, policy: policy)
            switch response {
            case .document(let bytes, let contentType):
                return FetchedDocument(
                    finalURL: current.url.absoluteString,
                    bytes: bytes,
                    contentType: contentType,
                    redirects: redirects
                )
            case .redirect(let location):
                redirects += 1
                guard redirects <= policy.maxRedirects else {
                    throw FetchError(.tooManyRedirects, "'\(url)' redirects more than \(policy.maxRedirects) times")
                }
                guard let next = URL(string: location, relativeTo: current.url)?.absoluteURL else {
                    throw FetchError(.tooManyRedirects, "'\(current.url)' redirects to an unusable '\(location)'")
                }
                current = try FetchTarget(next.absoluteString, policy: policy)
            }
        }
    }

    enum Response {
        case document([UInt8], contentType: String?)
        case redirect(String)
    }

    /// One request to a checked target, on a client of its own whose DNS override pins the checked address.
    static func request(_ target: FetchTarget, policy: FetchPolicy) async throws -> Response {
        let address = try target.checkedAddress(policy: policy)
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(10), read: .seconds(30))
        )
        configuration.dnsOverride = [target.host: address.description]
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            let response = try await exchange(client, target: target, policy: policy)
            try await client.shutdown()
            return response
        } catch {
            try? await client.shutdown()
            throw Self.coded(error, url: target.url.absoluteString, policy: policy)
        }
    }

    private static func exchange(
        _ client: HTTPClient,
        target: FetchTarget,
        policy: FetchPolicy
    ) async throws
        -> Response
    {
        var request = HTTPClientRequest(url: target.url.absoluteString)
        request.headers.add(name: "User-Agent", value: "skillspool-fetch/1")
        request.headers.add(name: "Accept", value: "*/*")
        let response = try await client.execute(request, timeout: .seconds(Int64(max(policy.timeoutSeconds, 1))))
        let status = response.status.code
        if [301, 302, 303, 307, 308].contains(status) {
            guard let location = response.headers.first(name: "Location") else {
                throw FetchError(.tooManyRedirects, "'\(target.url)' answered \(status) without a Location")
            }
            return .redirect(location)
        }
        guard status == 200 else {
            // A server error, a rate limit or a timeout may heal; a 404 or 403 does not.
            let retryable = status >= 500 || status == 429 || status == 408
            throw FetchError(.httpStatus, "'\(target.url)' answered HTTP \(status)", retryable: retryable)
        }
        if let length = response.headers.first(name: "Content-Length").flatMap({ Int($0) }), length > policy.maxBytes {
            throw FetchError(.tooLarge, "'\(target.url)' announces \(length) bytes; the limit is \(policy.maxBytes)")
        }
        let body = try await response.body.collect(upTo: policy.maxBytes)
        return .document(Array(buffer: body), contentType: response.headers.first(name: "Content-Type"))
    }

    /// The coded error for whatever the client threw.
    static func coded(_ error: any Error, url: String, policy: FetchPolicy) -> FetchError {
        if let coded = error as? FetchError { return coded }
        if error is NIOTooManyBytesError {
            return FetchError(.tooLarge, "'\(url)' sent more than \(policy.maxBytes) bytes")
        }
        if error is CancellationError {
            return FetchError(.timeout, "fetching '\(url)' was cut off by its time limit", retryable: true)
        }
        if let client = error as? HTTPClientError, client == .deadlineExceeded || client == .readTimeout {
            return FetchError(.timeout, "'\(url)' did not answer in time", retryable: true, cause: client)
        }
        return FetchError(.connection, "'\(url)' could not be fetched: \(error)", retryable: true)
    }
}

extension FetchPolicy {
    /// Checks `url` as a fetch would before any connection: absolute, `https://` (or allowed `http://`), a host, no
    /// credentials. Manifests are checked with it at intake, so a bad URL fails before a job exists.
    /// - Throws: ``FetchError`` `BAD_URL` or `SCHEME_NOT_ALLOWED`.
    public func check(url: String) throws {
        _ = try FetchTarget(url, policy: self)
    }
}

/// A URL checked against the policy: absolute, `https` (or allowed `http`), a host, no credentials. Whatever
/// connects to it asks ``checkedAddress(policy:)`` for the address to connect to.
public struct FetchTarget: Sendable {
    var url: URL
    /// The host to resolve (an IPv6 literal without its brackets).
    public var host: String
    /// The URL as checked.
    public var absoluteString: String { url.absoluteString }

    /// - Throws: ``FetchError`` `BAD_URL` or `SCHEME_NOT_ALLOWED`.
    public init(_ text: String, policy: FetchPolicy) throws {
        guard text.utf8.count <= 8_192, let url = URL(string: text), let scheme = url.scheme?.lowercased(),
            let host = url.host, !host.isEmpty
        else { throw FetchError(.badURL, "'\(text)' is not an absolute URL with a host") }
        guard scheme == "https" || (scheme == "http" && policy.allowHTTP) else {
            throw FetchError(
                .schemeNotAllowed,
                "'\(text)': \(scheme):// is not allowed\(scheme == "http" ? " (the tenant allows https only)" : "")"
            )
        }
        guard url.user == nil, url.password == nil else {
            throw FetchError(.badURL, "'\(text)' carries credentials; put them nowhere in a manifest")
        }
        self.url = url
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    /// The first address the host resolves to, once every address it resolves to has been checked (one private
    /// address among public ones refuses the host: the resolver's order is not ours to trust).
    /// - Throws: ``FetchError`` `PRIVATE_ADDRESS`, or `DNS` when the host does not resolve.
    public func checkedAddress(policy: FetchPolicy) throws -> NetworkAddress {
        let addresses = try NetworkAddress.resolve(host)
        if !policy.allowPrivateAddresses, let refused = addresses.first(where: { !$0.isPublic }) {
            throw FetchError(
                .privateAddress,
                "'\(host)' resolves to \(refused), which is not a public address (the tenant does not allow private ones)"
            )
        }
        return addresses[0]
    }
}

/// The result handed from the fetching task to the blocked caller.
private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<FetchedDocument, any Error>?

    func set(_ value: Result<FetchedDocument, any Error>) {
        lock.lock()
        result = value
        lock.unlock()
    }

    func get() throws -> FetchedDocument {
        lock.lock()
        defer { lock.unlock() }
        guard let result else { throw FetchError(.connection, "the fetch ended without a result") }
        return try result.get()
    }
}
