/// Rows of separate dashes that receipts, tickets and forms print between their parts (`-----`, `=====`).
///
/// Tesseract reads none of them: a row of short bars is no word to it. Each dash is a small ink component of its
/// own, flat and about a character wide, evenly spaced along one baseline, so a row is found from the components the
/// page pass left unread and given back as one word of as many dashes as were printed (two rows stacked close are
/// `=`). Joined dashes — a drawn rule — are a line, not text, and are not read.
enum DashRows {
    /// A row found: its box and its text.
    struct Row: Sendable, Hashable {
        var box: PixelRect
        var text: String
    }

    /// Fewer dashes than this in a row is not a separator (a dash between two words, a minus sign).
    static let minimumDashes = 5

    /// The dash rows among `boxes` (ink components), and the indices of the components that are no text: those of
    /// the rows, and the pieces of thin rules that binarisation broke up. `paperBetween` tells whether the image is
    /// blank paper between two components side by side.
    static func find(
        _ boxes: [PixelRect],
        lineHeight: Int,
        paperBetween: (PixelRect, PixelRect) -> Bool = { _, _ in true }
    ) -> (rows: [Row], used: Set<Int>) {
        let flat = max(2, lineHeight / 4)
        let candidates = boxes.indices.filter { index in
            let box = boxes[index]
            // (Up to three line heights wide: the pieces of a broken rule are compared too.)
            return box.height <= flat && box.width >= 2 * box.height && box.width <= 3 * lineHeight
                && box.width * 6 >= lineHeight
        }.sorted { (boxes[$0].left, boxes[$0].top) < (boxes[$1].left, boxes[$1].top) }
        // A halftone or a screen of specks is no separator; its flat specks are not compared pairwise.
        guard candidates.count <= UncoveredInk.maxComponents else { return ([], []) }
        var sets = DisjointSets(count: candidates.count)
        let slack = max(1, lineHeight / 8)
        for first in candidates.indices {
            for second in (first + 1)..<candidates.count {
                let (a, b) = (boxes[candidates[first]], boxes[candidates[second]])
                guard b.left <= a.right + lineHeight else { break }
                guard b.left >= a.right, abs((a.top + a.bottom) - (b.top + b.bottom)) <= 2 * slack else { continue }
                sets.join(first, second)
            }
        }
        var groups: [Int: [Int]] = [:]
        for index in candidates.indices { groups[sets.root(index), default: []].append(candidates[index]) }
        var rows: [(box: PixelRect, count: Int, members: [Int])] = []
        var rulePieces = Set<Int>()
        for members in groups.values where members.count >= minimumDashes {
            let sorted = members.sorted { boxes[$0].left < boxes[$1].left }
            let widths = sorted.map { boxes[$0].width }
            let gaps = zip(sorted, sorted.dropFirst()).map { boxes[$1].left - boxes[$0].right }
            // Neighbouring dashes of a printed row share pixel rows even when the page is tilted. A thin tilted rule
            // that binarisation broke where it crosses from one pixel row to the next leaves pieces that each sit one
            // row lower than the last, sharing none.
            let level = zip(sorted, sorted.dropFirst()).filter { pair in
                min(boxes[pair.0].bottom, boxes[pair.1].bottom) > max(boxes[pair.0].top, boxes[pair.1].top)
            }.count
            // A thin grey rule (one turned level again, or printed light) breaks where its grey crosses the
            // threshold, on one pixel row: between its pieces the paper stays grey. Between printed dashes it is
            // blank.
            let blank = zip(sorted, sorted.dropFirst()).filter { paperBetween(boxes[$0], boxes[$1]) }.count
            guard level * 4 >= gaps.count * 3, blank * 2 > gaps.count else {
                rulePieces.formUnion(sorted)
                continue
            }
            // Printed dashes are alike and evenly spaced; specks and broken strokes are not.
            guard let narrowest = widths.min(), let widest = widths.max(), widest <= 2 * narrowest,
                widest <= lineHeight,
                let closest = gaps.min(), let farthest = gaps.max(), farthest <= 2 * closest + 2
            else { continue }
            let box = sorted.map { boxes[$0] }.reduce(boxes[sorted[0]]) { union($0, $1) }
            rows.append((box, sorted.count, sorted))
        }
        rows.sort { ($0.box.top, $0.box.left) < ($1.box.top, $1.box.left) }
        var result: [Row] = []
        var used = rulePieces
        var taken = Set<Int>()
        for (index, row) in rows.enumerated() where !taken.contains(index) {
            used.formUnion(row.members)
            // The lower bar of `=`: a row just below with the same extent and as many bars.
            let partner = rows.indices.first { other in
                other > index && !taken.contains(other) && abs(rows[other].count - row.count) <= 1
                    && rows[other].box.top - row.box.bottom <= lineHeight / 3
                    && rows[other].box.top >= row.box.bottom
                    && abs(rows[other].box.left - row.box.left) <= lineHeight / 3
                    && abs(rows[other].box.right - row.box.right) <= lineHeight / 3
            }
            if let partner {
                taken.insert(partner)
                used.formUnion(rows[partner].members)
                let box = union(row.box, rows[partner].box)
                result.append(Row(box: box, text: String(repeating: "=", count: max(row.count, rows[partner].count))))
            } else {
                result.append(Row(box: row.box, text: String(repeating: "-", count: row.count)))
            }
        }
        return (result, used)
    }

    static func union(_ a: PixelRect, _ b: PixelRect) -> PixelRect {
        PixelRect(
            left: min(a.left, b.left),
            top: min(a.top, b.top),
            right: max(a.right, b.right),
            bottom: max(a.bottom, b.bottom)
        )
    }
}
