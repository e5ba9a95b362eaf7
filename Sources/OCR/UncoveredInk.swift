/// A rectangle of an image in pixels, top-left origin, `right` and `bottom` excluded.
struct PixelRect: Sendable, Hashable {
    var left, top, right, bottom: Int

    var width: Int { right - left }
    var height: Int { bottom - top }
}

/// Ink that a whole-page pass left unread. Tesseract's page segmentation drops some text outright — right-aligned
/// amount columns, cells of ruled tables, short lines beside a wide gap — depending on the scan's resolution and the
/// rules around it. What is dark, not under a word read, and shaped like text is gathered here into line-sized
/// regions, each read again on its own.
enum UncoveredInk {
    /// What a page pass left unread.
    struct Found: Sendable {
        /// Line-sized regions of text-like ink, to be read again.
        var regions: [PixelRect] = []
        /// Rows of separate dashes (``DashRows``).
        var dashes: [DashRows.Row] = []
        /// Small filled discs: list bullets the page pass left out (``ListBullets``).
        var dots: [PixelRect] = []
        /// The grey level below which a pixel is ink (``darkThreshold(_:)``), worked out once per page.
        var threshold: UInt8 = 128
    }

    /// More regions than this on one page is a picture or a halftone, not text the page pass missed.
    static let maxRegions = 400
    /// More text-like ink components than this left over is a picture or a halftone; nothing is read again.
    static let maxComponents = 5_000

    /// The regions of `image` with ink outside `words`, in reading order (top to bottom, then left to right), the
    /// rows of dashes and the dots among that ink. `lineHeight` is the typical height of a word read (pixels).
    static func regions(in image: GrayImage, outside words: [RecognizedWord], lineHeight: Int) -> Found {
        let (width, height) = (image.width, image.height)
        guard width > 0, height > 0, lineHeight > 0 else { return Found() }
        let threshold = darkThreshold(image)
        var ink = image.pixels.map { $0 < threshold }
        // Words are cleared with a margin: their boxes are tight and strokes reach a little past them.
        let margin = max(2, lineHeight / 4)
        for word in words {
            let top = max(0, word.top - margin)
            let bottom = min(height, word.top + word.height + margin)
            let left = max(0, word.left - margin)
            let right = min(width, word.left + word.width + margin)
            guard top < bottom, left < right else { continue }
            for row in top..<bottom {
                let start = row * width
                for index in (start + left)..<(start + right) { ink[index] = false }
            }
        }
        let components = InkComponents(ink, width: width, height: height)
        let minimumArea = max(4, lineHeight * lineHeight / 50)
        let dashes = DashRows.find(components.boxes, lineHeight: lineHeight) { left, right in
            isPaper(image, between: left, and: right, threshold: threshold)
        }
        let dots = Set(
            components.boxes.indices.filter { index in
                let box = components.boxes[index]
                let fill = Double(components.areas[index]) / Double(max(1, box.width * box.height))
                return ListBullets.isDisc(box, fill: fill, lineHeight: lineHeight)
            }
        )
        let textLike = components.boxes.indices.compactMap { index -> PixelRect? in
            let box = components.boxes[index]
            guard !dashes.used.contains(index), !dots.contains(index), components.areas[index] >= minimumArea,
                box.height <= 3 * lineHeight,  // pictures and vertical rules
                !(box.width > 8 * lineHeight && box.height * 10 < lineHeight * 3)  // horizontal rules
            else { return nil }
            return box
        }
        guard textLike.count <= maxComponents else { return Found(threshold: threshold) }
        let regions = lines(of: textLike, lineHeight: lineHeight).filter { $0.height * 2 >= lineHeight }
            .prefix(maxRegions).map { $0 }
        return Found(
            regions: regions,
            dashes: Array(dashes.rows.prefix(maxRegions)),
            dots: dots.sorted().prefix(maxRegions).map { components.boxes[$0] },
            threshold: threshold
        )
    }

    /// Whether the image between two components side by side is blank paper: the middle half of the gap, over
    /// the rows either spans, is on average nearer white than the ink threshold (a grey rule's gaps are not).
    static func isPaper(_ image: GrayImage, between left: PixelRect, and right: PixelRect, threshold: UInt8) -> Bool {
        let gap = right.left - left.right
        let (top, bottom) = (max(0, min(left.top, right.top)), min(image.height, max(left.bottom, right.bottom)))
        guard gap >= 4, top < bottom else { return true }
        let columns = (left.right + gap / 4)..<(right.left - gap / 4)
        var sum = 0
        for row in top..<bottom {
            for column in columns { sum += Int(image.pixels[row * image.width + column]) }
        }
        let mean = sum / (columns.count * (bottom - top))
        return mean * 4 >= Int(threshold) + 3 * 255
    }

    /// Components joined into lines: side by side on one baseline and less than a line's height apart.
    static func lines(of boxes: [PixelRect], lineHeight: Int) -> [PixelRect] {
        let sorted = boxes.sorted { ($0.left, $0.top) < ($1.left, $1.top) }
        var sets = DisjointSets(count: sorted.count)
        let slack = lineHeight / 6
        for first in sorted.indices {
            for second in (first + 1)..<sorted.count {
                let (a, b) = (sorted[first], sorted[second])
                // Sorted by left edge: once one starts too far right of `a`, so do all after it.
                guard b.left <= a.right + lineHeight else { break }
                guard min(a.bottom, b.bottom) + slack > max(a.top, b.top) else { continue }
                sets.join(first, second)
            }
        }
        var merged: [Int: PixelRect] = [:]
        for index in sorted.indices {
            let box = sorted[index]
            let group = sets.root(index)
            if let existing = merged[group] {
                merged[group] = PixelRect(
                    left: min(existing.left, box.left),
                    top: min(existing.top, box.top),
                    right: max(existing.right, box.right),
                    bottom: max(existing.bottom, box.bottom)
                )
            } else {
                merged[group] = box
            }
        }
        return merged.values.sorted { ($0.top, $0.left) < ($1.top, $1.left) }
    }

    /// The grey level below which a pixel is ink: Otsu's threshold over the image's histogram, kept in a range
    /// where a blank page's noise never counts as ink.
    static func darkThreshold(_ image: GrayImage) -> UInt8 {
        // Four counts per level, summed after: consecutive pixels of the same grey do not wait on each other.
        var counts = [Int](repeating: 0, count: 4 * 256)
        counts.withUnsafeMutableBufferPointer { counts in
            image.pixels.withUnsafeBufferPointer { pixels in
                var index = 0
                while index + 4 <= pixels.count {
                    counts[Int(pixels[index])] += 1
                    counts[256 + Int(pixels[index + 1])] += 1
                    counts[512 + Int(pixels[index + 2])] += 1
                    counts[768 + Int(pixels[index + 3])] += 1
                    index += 4
                }
                while index < pixels.count {
                    counts[Int(pixels[index])] += 1
                    index += 1
                }
            }
        }
        var histogram = [Int](repeating: 0, count: 256)
        for (index, count) in counts.enumerated() { histogram[index % 256] += count }
        let total = Double(image.pixels.count)
        let sum = histogram.indices.reduce(0.0) { $0 + Double($1 * histogram[$1]) }
        var (backgroundWeight, backgroundSum, best, threshold) = (0.0, 0.0, -1.0, 128)
        for level in 0..<256 {
            backgroundWeight += Double(histogram[level])
            guard backgroundWeight > 0 else { continue }
            let foregroundWeight = total - backgroundWeight
            guard foregroundWeight > 0 else { break }
            backgroundSum += Double(level * histogram[level])
            let meanDark = backgroundSum / backgroundWeight
            let meanLight = (sum - backgroundSum) / foregroundWeight
            let between = backgroundWeight * foregroundWeight * (meanDark - meanLight) * (meanDark - meanLight)
            if between > best {
                best = between
                threshold = level + 1
            }
        }
        return UInt8(min(max(threshold, 64), 192))
    }
}
