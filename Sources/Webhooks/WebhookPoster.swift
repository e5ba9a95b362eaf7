internal import AsyncHTTPClient
public import Fetch
internal import NIOCore
internal import NIOHTTP1

/// Posts one signed webhook event to its endpoint under the tenant's network rules: the URL checked as a fetch
/// would be (scheme, no credentials), the host resolved and every address checked, the connection made to the
/// checked address, no redirects followed (a receiver that moved must be reconfigured, not followed).
public enum WebhookPoster {
    /// One event to post.
    public struct Post: Sendable {
        public var url: String
        public var eventID: String
        /// `job.created`, `job.complete`, …
        public var eventType: String
        public var body: [UInt8]
        public var secret: [UInt8]

        public init(url: String, eventID: String, eventType: String, body: [UInt8], secret: [UInt8]) {
            self.url = url
            self.eventID = eventID
            self.eventType = eventType
            self.body = body
            self.secret = secret
        }
    }

    /// The header carrying the event's id (the same on every attempt: receivers drop ids they have seen).
    public static let eventIDHeader = "Skillspool-Event-Id"
    public static let eventTypeHeader = "Skillspool-Event-Type"

    /// Posts `post`, signed at `timestamp`; returns the HTTP status the endpoint answered (2xx: delivered).
    ///
    /// - Throws: ``WebhookError`` when no answer came; its `retryable` says whether trying again may help.
    public static func send(
        _ post: Post,
        policy: FetchPolicy,
        timeoutSeconds: Double,
        timestamp: Int64
    ) async throws -> Int {
        let target: FetchTarget
        let address: NetworkAddress
        do {
            target = try FetchTarget(post.url, policy: policy)
            address = try target.checkedAddress(policy: policy)
        } catch let error as FetchError {
            throw WebhookError(
                error.code == .dns ? .connection : .notAllowed,
                "\(post.url): \(error.message)",
                retryable: error.code == .dns,
                cause: error
            )
        }
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .milliseconds(Int64(timeoutSeconds * 1_000)))
        )
        configuration.dnsOverride = [target.host: address.description]
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        var request = HTTPClientRequest(url: target.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "skillspool-webhooks/1")
        request.headers.add(name: eventIDHeader, value: post.eventID)
        request.headers.add(name: eventTypeHeader, value: post.eventType)
        request.headers.add(
            name: WebhookSignature.headerName,
            value: WebhookSignature.header(secret: post.secret, timestamp: timestamp, body: post.body)
        )
        request.body = .bytes(ByteBuffer(bytes: post.body))
        do {
            let response = try await client.execute(request, timeout: .milliseconds(Int64(timeoutSeconds * 1_000)))
            // The answer's body is not used; a bounded read lets the connection close cleanly.
            _ = try? await response.body.collect(upTo: 64 << 10)
            try await client.shutdown()
            return Int(response.status.code)
        } catch {
            try? await client.shutdown()
            if let client = error as? HTTPClientError,
                client == .deadlineExceeded || client == .readTimeout
                    || client == .connectTimeout
            {
                throw WebhookError(.timeout, "\(post.url) did not answer in time", retryable: true, cause: client)
            }
            throw WebhookError(.connection, "\(post.url): \(error)", retryable: true, cause: error)
        }
    }
}
