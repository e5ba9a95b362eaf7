import PDFText

extension RulingGrid {
    /// Tables whose rows are told apart by background bands only (every other row filled): the bands give the
    /// row bounds, the blank strips between the words of the banded rows give the columns, and the header and
    /// white rows above or below the bands join while they keep to those columns.
    static func bandedFrames(in rects: [FilledRect], lines: [TextLine]) -> [RulingGrid] {
        let fills = rects.filter { rect in
            rect.isFilled && rect.rect.width >= 100 && rect.rect.height >= 6 && rect.rect.height <= 60
                && min(rect.red, rect.green, rect.blue) < 0.98
        }.sorted { $0.rect.y < $1.rect.y }
        var groups: [[FilledRect]] = []
        for fill in fills {
            if let index = groups.firstIndex(where: { group in
                let last = group[group.count - 1].rect
                return abs(last.x - fill.rect.x) <= 4 && abs(last.maxX - fill.rect.maxX) <= 4
                    && fill.rect.y >= last.maxY - 1 && fill.rect.y - last.maxY <= 2.5 * last.height
            }) {
                groups[index].append(fill)
            } else {
                groups.append([fill])
            }
        }
        return groups.compactMap { group in
            // Bands alternate: white rows between them or another shade. Touching bands of one shade are one
            // background (a code block drawn line by line).
            let alternates = zip(group, group.dropFirst()).contains { upper, lower in
                lower.rect.y - upper.rect.maxY >= 0.5 * upper.rect.height
                    || (upper.red, upper.green, upper.blue) != (lower.red, lower.green, lower.blue)
            }
            guard group.count >= 2, alternates else { return nil }
            return banded(group.map(\.rect), lines: lines)
        }
    }

    private static func banded(_ fills: [Rect], lines: [TextLine]) -> RulingGrid? {
        let left = fills[0].x
        let right = fills[0].maxX
        let pitch = fills.map(\.height).sorted()[fills.count / 2]
        let within = lines.filter { $0.bounds.x >= left - 2 && $0.bounds.maxX <= right + 2 }
        let top = fills[0].y
        let bottom = fills[fills.count - 1].maxY
        var members = within.filter { $0.bounds.midY > top && $0.bounds.midY < bottom }
        guard var xs = columnBoundaries(of: members, left: left, right: right) else { return nil }
        // Rows above the first band (the header, a white first row) and below the last (a white row, totals) join
        // one baseline at a time while they keep the columns apart.
        var regionTop = top
        var regionBottom = bottom
        for upwards in [true, false] {
            var edge = upwards ? top : bottom
            let candidates = within.filter { upwards ? $0.bounds.midY < top : $0.bounds.midY > bottom }
            for baseline in baselines(candidates, descending: upwards) {
                let gap = upwards ? edge - baseline.map(\.bounds.maxY).max()! : baseline.map(\.bounds.y).min()! - edge
                guard gap <= pitch, !baseline.contains(where: { TableDetector.isCaption($0.text) }),
                    let trial = columnBoundaries(of: members + baseline, left: left, right: right),
                    trial.count >= xs.count
                else { break }
                members += baseline
                xs = trial
                edge = upwards ? baseline.map(\.bounds.y).min()! : baseline.map(\.bounds.maxY).max()!
            }
            if upwards { regionTop = min(top, edge - 1) } else { regionBottom = max(bottom, edge + 1) }
        }
        var ys = boundaries(fills.flatMap { [$0.y, $0.maxY] })
        if regionTop < top - 1 { ys.insert(regionTop, at: 0) }
        if regionBottom > bottom + 1 { ys.append(regionBottom) }
        var grid = RulingGrid(xs: xs, ys: ys)
        grid.bandsHoldRows = true
        return grid
    }

    /// Lines grouped by baseline (middles within 3 points), nearest the table first.
    private static func baselines(_ lines: [TextLine], descending: Bool) -> [[TextLine]] {
        let sorted = lines.sorted { descending ? $0.bounds.midY > $1.bounds.midY : $0.bounds.midY < $1.bounds.midY }
        var result: [[TextLine]] = []
        for line in sorted {
            if let last = result.last?.first, abs(last.bounds.midY - line.bounds.midY) <= 3 {
                result[result.count - 1].append(line)
            } else {
                result.append([line])
            }
        }
        return result
    }
}
