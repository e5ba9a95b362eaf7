/// One glyph as it appears on the page.
///
/// Coordinates are in the page's display space: points, origin at the top-left of the crop box after `/Rotate`
/// and `UserUnit`, y growing downwards.
public struct Glyph: Sendable {
    /// Unicode text (a ligature may carry several scalars); empty when the font gives no mapping.
    public var text: String
    /// Baseline origin.
    public var x: Double
    public var y: Double
    /// Advance along the writing direction, in points.
    public var advance: Double
    /// Unit vector of the writing direction in display space (1, 0 for ordinary left-to-right text).
    public var directionX: Double
    public var directionY: Double
    /// Font size in points as displayed (text matrix and CTM applied).
    public var size: Double
    /// The glyph's box: origin to advance, descent to ascent.
    public var box: Rect
    /// Index into ``PageContent/fonts``.
    public var fontIndex: Int32
    /// Text render mode (`3` = invisible, e.g. an OCR layer).
    public var renderMode: Int8
    /// Whether the text came from the font (false: no mapping was found; `text` is empty).
    public var isMapped: Bool
    /// Whether this glyph is the font's word-space code (single-byte 32).
    public var isWordSpace: Bool
    /// Position in the content stream, for stable ordering.
    public var sequence: Int32

    public init(
        text: String,
        x: Double,
        y: Double,
        advance: Double,
        directionX: Double,
        directionY: Double,
        size: Double,
        box: Rect,
        fontIndex: Int32,
        renderMode: Int8,
        isMapped: Bool,
        isWordSpace: Bool,
        sequence: Int32
    ) {
        (self.text, self.x, self.y, self.advance) = (text, x, y, advance)
        (self.directionX, self.directionY, self.size, self.box) = (directionX, directionY, size, box)
        (self.fontIndex, self.renderMode, self.isMapped) = (fontIndex, renderMode, isMapped)
        (self.isWordSpace, self.sequence) = (isWordSpace, sequence)
    }
}

/// A font used on a page, as reported with glyphs.
public struct FontInfo: Hashable, Sendable {
    public var name: String
    public var isBold: Bool
    public var isItalic: Bool
    public var isMonospace: Bool
    public var isVertical: Bool
    public var kind: String

    public init(name: String, isBold: Bool, isItalic: Bool, isMonospace: Bool, isVertical: Bool, kind: String) {
        (self.name, self.isBold, self.isItalic, self.isMonospace) = (name, isBold, isItalic, isMonospace)
        (self.isVertical, self.kind) = (isVertical, kind)
    }
}

/// A stroked straight line or a thin filled rectangle, candidates for table rulings.
public struct Ruling: Hashable, Sendable {
    public var x0, y0, x1, y1: Double
    public var lineWidth: Double
    /// Stroke or fill colour as RGB 0…1.
    public var red, green, blue: Double
}

/// A filled and/or stroked rectangle (cell backgrounds, boxes).
public struct FilledRect: Hashable, Sendable {
    public var rect: Rect
    public var isFilled: Bool
    public var isStroked: Bool
    public var red, green, blue: Double
}

/// Everything the engine extracted from one page.
public struct PageContent: Sendable {
    /// 1-based page number.
    public var number: Int
    /// Display size in points (after rotation).
    public var width: Double
    public var height: Double
    /// `/Rotate` normalised to 0, 90, 180 or 270.
    public var rotation: Int
    public var glyphs: [Glyph]
    public var fonts: [FontInfo]
    public var rulings: [Ruling]
    public var rects: [FilledRect]
    /// Small round shapes drawn with curves (list bullets as browsers paint them, dots of a chart), kept apart from
    /// `rects` so that table detection never sees them.
    public var dots: [FilledRect] = []
    /// Image XObjects as drawn (a scanned page is one), in drawing order.
    public var images: [PlacedImage] = []
    /// Glyphs whose text could not be determined (not included in `glyphs`' text).
    public var unmappedGlyphCount: Int
    /// Glyphs dropped because they lie outside the page box.
    public var clippedGlyphCount: Int

    /// Whether the page has any extractable text.
    public var hasTextLayer: Bool { glyphs.contains { $0.isMapped && !$0.text.isEmpty } }
}

/// An image XObject drawn on a page: which stream, and the matrix that maps the image's unit square (origin at its
/// bottom-left) to the page's display space.
public struct PlacedImage: Hashable, Sendable {
    public var object: ObjectID
    public var matrix: Matrix
    /// The pixels across or down an image may have (a 2.5 m scan at 400 dpi); larger sizes are not believed.
    public static let sides = 1...40_000
    /// The sizes an image's dictionary may claim and still be recorded where it is drawn: a scan claiming more than
    /// ``sides`` is never decoded, but its page is known to hold one, so OCR reports it unread instead of the page
    /// passing for blank. Bounded so that pixels across times pixels down cannot overflow.
    public static let recordedSides = 1...Int(Int32.max)
    /// Pixels across and down, from the image's dictionary.
    public var pixelWidth: Int
    public var pixelHeight: Int

    /// The drawn image's bounding box in display space.
    public var bounds: Rect {
        let corners = [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)].map { matrix.apply($0.0, $0.1) }
        let xs = corners.map(\.0)
        let ys = corners.map(\.1)
        let (left, top) = (xs.min() ?? 0, ys.min() ?? 0)
        return Rect(x: left, y: top, width: (xs.max() ?? 0) - left, height: (ys.max() ?? 0) - top)
    }
}
