import CodedErrors

/// Why a webhook post did not reach its endpoint.
public typealias WebhookError = CodedError<WebhookErrorCode>

/// An `ERR::WEBHOOK::…` code.
public struct WebhookErrorCode: ErrorCode {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The endpoint answered with a status other than 2xx.
    public static let httpStatus = Self(rawValue: "ERR::WEBHOOK::HTTP_STATUS")
    /// The endpoint could not be connected to, or the connection broke.
    public static let connection = Self(rawValue: "ERR::WEBHOOK::CONNECTION")
    /// The endpoint did not answer within the attempt's time.
    public static let timeout = Self(rawValue: "ERR::WEBHOOK::TIMEOUT")
    /// The endpoint's URL or address is not allowed by the tenant's network rules (see `fetch`).
    public static let notAllowed = Self(rawValue: "ERR::WEBHOOK::NOT_ALLOWED")
    /// The signing secret could not be read.
    public static let secret = Self(rawValue: "ERR::WEBHOOK::SECRET")
    /// The tenant's configuration no longer names the endpoint: the delivery is given up.
    public static let endpointRemoved = Self(rawValue: "ERR::WEBHOOK::ENDPOINT_REMOVED")
}
