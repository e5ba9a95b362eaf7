/// An affine transform `[a b c d e f]` as PDF writes it: a point maps to `(a·x + c·y + e, b·x + d·y + f)`.
public struct Matrix: Hashable, Sendable {
    public var a, b, c, d, e, f: Double

    public init(a: Double, b: Double, c: Double, d: Double, e: Double, f: Double) {
        (self.a, self.b, self.c, self.d, self.e, self.f) = (a, b, c, d, e, f)
    }

    public static let identity = Matrix(a: 1, b: 0, c: 0, d: 1, e: 0, f: 0)

    /// `self` followed by `other` (the PDF convention: `cm` prepends, `M' = self × other`).
    @inline(__always) public func concatenating(_ other: Matrix) -> Matrix {
        Matrix(
            a: a * other.a + b * other.c,
            b: a * other.b + b * other.d,
            c: c * other.a + d * other.c,
            d: c * other.b + d * other.d,
            e: e * other.a + f * other.c + other.e,
            f: e * other.b + f * other.d + other.f
        )
    }

    @inline(__always) public func apply(_ x: Double, _ y: Double) -> (Double, Double) {
        (a * x + c * y + e, b * x + d * y + f)
    }

    /// Maps a direction (no translation).
    @inline(__always) public func applyVector(_ x: Double, _ y: Double) -> (Double, Double) {
        (a * x + c * y, b * x + d * y)
    }

    @inline(__always) public func translatedBy(_ x: Double, _ y: Double) -> Matrix {
        Matrix(a: 1, b: 0, c: 0, d: 1, e: x, f: y).concatenating(self)
    }

    var isFinite: Bool { a.isFinite && b.isFinite && c.isFinite && d.isFinite && e.isFinite && f.isFinite }
}

/// An axis-aligned rectangle in page display space (origin top-left, y down), in points.
public struct Rect: Hashable, Sendable {
    public var x, y, width, height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        (self.x, self.y, self.width, self.height) = (x, y, width, height)
    }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var midX: Double { x + width / 2 }
    public var midY: Double { y + height / 2 }

    public func union(_ other: Rect) -> Rect {
        let minX = Swift.min(x, other.x)
        let minY = Swift.min(y, other.y)
        return Rect(
            x: minX,
            y: minY,
            width: Swift.max(maxX, other.maxX) - minX,
            height: Swift.max(maxY, other.maxY) - minY
        )
    }
}
