import PDFText

/// Stacks lines into blocks: a line joins the block before it when it is close below the block's last line,
/// overlaps it horizontally and has a similar font size.
enum BlockBuilder {
    /// Groups consecutive lines (in stream order) into blocks.
    static func blocks(from lines: [TextLine]) -> [TextBlock] {
        var blocks: [TextBlock] = []
        for line in lines {
            if let block = blocks.last, let last = block.lines.last, continuesRow(line, last) {
                // The stream went on along the same row after a wide gap (a table row, a label and its value):
                // one line, read left to right (right to left for RTL text).
                let lineIsFirst = (line.bounds.x < last.bounds.x) != line.isRightToLeft
                var merged = last
                merged.words = lineIsFirst ? line.words + last.words : last.words + line.words
                merged.bounds = last.bounds.union(line.bounds)
                merged.fontSize = max(last.fontSize, line.fontSize)
                blocks[blocks.count - 1].lines[block.lines.count - 1] = merged
                blocks[blocks.count - 1].bounds = block.bounds.union(line.bounds)
            } else if let block = blocks.last, let last = block.lines.last, fits(line, below: last, in: block) {
                blocks[blocks.count - 1].lines.append(line)
                blocks[blocks.count - 1].bounds = block.bounds.union(line.bounds)
            } else {
                blocks.append(TextBlock(lines: [line], bounds: line.bounds, orientation: 0))
            }
        }
        return blocks
    }

    private static func continuesRow(_ line: TextLine, _ last: TextLine) -> Bool {
        let size = max(line.fontSize, last.fontSize)
        let disjoint = line.bounds.x >= last.bounds.maxX || line.bounds.maxX <= last.bounds.x
        return disjoint && abs(line.bounds.maxY - last.bounds.maxY) <= 0.3 * size
            && abs(line.bounds.y - last.bounds.y) <= 0.6 * size
    }

    private static func fits(_ line: TextLine, below last: TextLine, in block: TextBlock) -> Bool {
        let size = max(line.fontSize, last.fontSize)
        let ratio = max(line.fontSize, last.fontSize) / max(min(line.fontSize, last.fontSize), 0.1)
        guard ratio < 1.25 else { return false }
        let gap = line.bounds.y - last.bounds.maxY
        guard gap > -0.5 * size, gap < 0.9 * size else { return false }
        let overlap = min(line.bounds.maxX, block.bounds.maxX) - max(line.bounds.x, block.bounds.x)
        guard overlap > 0 else { return false }
        // Mostly overlapping, or starting at the same left edge (a short last line of a paragraph).
        let narrower = min(line.bounds.width, block.bounds.width)
        return overlap >= 0.5 * narrower || abs(line.bounds.x - block.bounds.x) < size
    }
}
