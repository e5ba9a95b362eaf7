import Fetch
import SpoolConfig

extension TenantConfiguration {
    /// The tenant's `fetch` settings as the fetcher's policy; the body's limit is the plan's bytes per document.
    var fetchPolicy: FetchPolicy {
        var policy = FetchPolicy()
        policy.allowHTTP = fetch.allowHTTP
        policy.allowPrivateAddresses = fetch.allowPrivateAddresses
        policy.timeoutSeconds = fetch.timeoutSeconds
        policy.maxRedirects = fetch.maxRedirects
        policy.maxBytes = plan.bytesPerDocument
        return policy
    }
}
