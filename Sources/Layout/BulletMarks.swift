import PDFText

/// List bullets drawn as shapes instead of text (browsers paint `<li>` discs, circles and squares as paths): a
/// small filled round or square mark just left of a line, centred on it, becomes a "•" word at the line's start, so the
/// line reads as a list item as it looks.
enum BulletMarks {
    /// A mark is at most this many font sizes wide and tall.
    static let maximumSize = 0.7
    /// …and ends at most this many font sizes before the line's first word.
    static let maximumGap = 2.5

    static func attach(to blocks: inout [TextBlock], rects: [FilledRect]) {
        // Filled only: a stroked square beside a label is a form's check box, not a bullet.
        let marks = rects.filter { $0.isFilled && $0.rect.width <= 10 && $0.rect.height <= 10 && $0.rect.width >= 1 }
        guard !marks.isEmpty else { return }
        // Marks by 10-point band of their centre, so a line looks at a few marks, not at every dot of a chart.
        var bands: [Int: [FilledRect]] = [:]
        for mark in marks { bands[Int((mark.rect.midY / 10).rounded(.down)), default: []].append(mark) }
        for blockIndex in blocks.indices where blocks[blockIndex].orientation == 0 {
            for lineIndex in blocks[blockIndex].lines.indices {
                let line = blocks[blockIndex].lines[lineIndex]
                let low = Int((line.bounds.y / 10).rounded(.down))
                let high = Int((line.bounds.maxY / 10).rounded(.down))
                guard !line.isRightToLeft, let first = line.words.first, ListMarker.parse(line.text) == nil,
                    let mark = (low...max(low, high)).lazy.compactMap({ bands[$0] }).joined()
                        .first(where: { isBullet($0.rect, of: line) })
                else { continue }
                var bullet = first
                bullet.text = "•"
                bullet.bounds = mark.rect
                var marked = line
                marked.words.insert(bullet, at: 0)
                marked.bounds = line.bounds.union(mark.rect)
                blocks[blockIndex].lines[lineIndex] = marked
                blocks[blockIndex].bounds = blocks[blockIndex].bounds.union(mark.rect)
            }
        }
    }

    private static func isBullet(_ mark: Rect, of line: TextLine) -> Bool {
        let size = line.fontSize
        guard mark.width <= maximumSize * size, mark.height <= maximumSize * size,
            mark.width <= 1.6 * mark.height, mark.height <= 1.6 * mark.width
        else { return false }
        let gap = line.bounds.x - mark.maxX
        return gap >= 0.1 * size && gap <= maximumGap * size && mark.midY >= line.bounds.y
            && mark.midY <= line.bounds.maxY
    }
}
