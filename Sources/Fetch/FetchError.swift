import CodedErrors

/// Why a document could not be fetched from its URL.
public typealias FetchError = CodedError<FetchErrorCode>

/// An `ERR::FETCH::…` code.
public struct FetchErrorCode: ErrorCode {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Not an absolute `https://` (or allowed `http://`) URL with a host, or one carrying credentials.
    public static let badURL = Self(rawValue: "ERR::FETCH::BAD_URL")
    /// `http://` (or another scheme) where the tenant allows only `https://`.
    public static let schemeNotAllowed = Self(rawValue: "ERR::FETCH::SCHEME_NOT_ALLOWED")
    /// The host resolves to a loopback, private, link-local or otherwise non-public address.
    public static let privateAddress = Self(rawValue: "ERR::FETCH::PRIVATE_ADDRESS")
    /// The host name does not resolve.
    public static let dns = Self(rawValue: "ERR::FETCH::DNS")
    /// No connection, or it broke (refused, reset, TLS failure).
    public static let connection = Self(rawValue: "ERR::FETCH::CONNECTION")
    /// The server answered with a status other than 200.
    public static let httpStatus = Self(rawValue: "ERR::FETCH::HTTP_STATUS")
    /// The body is larger than the tenant's per-document limit.
    public static let tooLarge = Self(rawValue: "ERR::FETCH::TOO_LARGE")
    /// The whole fetch (redirects and body included) took longer than allowed.
    public static let timeout = Self(rawValue: "ERR::FETCH::TIMEOUT")
    /// More redirects than allowed, or a redirect without a usable `Location`.
    public static let tooManyRedirects = Self(rawValue: "ERR::FETCH::TOO_MANY_REDIRECTS")
}
