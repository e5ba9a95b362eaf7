/// What a tenant allows when its manifests name documents by URL.
public struct FetchPolicy: Sendable, Hashable {
    /// `http://` URLs besides `https://`.
    public var allowHTTP = false
    /// Loopback, private (RFC 1918, unique local), link-local, carrier-grade NAT and other non-public addresses.
    public var allowPrivateAddresses = false
    /// The body's size limit (the plan's bytes per document).
    public var maxBytes = 50 << 20
    /// The whole fetch: connection, redirects and body.
    public var timeoutSeconds = 60.0
    public var maxRedirects = 5

    public init() {}
}
