/// When a failed delivery is tried again: the wait doubles from `first` with each failed attempt, up to `maximum`,
/// and is spread by ±20% so that the events of one outage do not all come back in the same second.
public struct WebhookRetrySchedule: Sendable, Hashable {
    public var first: Double
    public var maximum: Double

    public init(first: Double, maximum: Double) {
        self.first = first
        self.maximum = max(first, maximum)
    }

    /// Seconds to wait after the `attempts`-th failed attempt (1 for the first); `spread` in 0...1.
    public func delay(afterAttempts attempts: Int, spread: Double) -> Double {
        let doubled = first * Double(1 << min(max(attempts - 1, 0), 30))
        return min(doubled, maximum) * (0.8 + 0.4 * min(max(spread, 0), 1))
    }
}
