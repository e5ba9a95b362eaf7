/// The 8-connected components of a binary image, found run by run: each row's runs of ink are joined to the runs of
/// the row above that touch them, so the work follows the ink, not the pixels.
struct InkComponents {
    /// Each component's bounding box and pixel count, in the order their first run was met.
    private(set) var boxes: [PixelRect] = []
    private(set) var areas: [Int] = []
    /// Every run of ink (one row, `start..<end`) and the index of its component in `boxes`, row by row.
    private(set) var runs: [(row: Int, start: Int, end: Int, component: Int)] = []

    init(_ ink: [Bool], width: Int, height: Int) {
        var sets = DisjointSets()
        var runBoxes: [PixelRect] = []
        var runAreas: [Int] = []
        // Runs of the previous row: start, end (excluded) and the run's number.
        var above: [(start: Int, end: Int, run: Int)] = []
        var current: [(start: Int, end: Int, run: Int)] = []
        precondition(ink.count >= width * height, "an ink mask smaller than its image")
        // A page is mostly paper: its rows are skimmed eight pixels at a time (a Bool is one byte, 0 or 1).
        ink.withUnsafeBytes { bytes in
            for row in 0..<height {
                current.removeAll(keepingCapacity: true)
                var column = 0
                let base = row * width
                var cursor = 0  // first run of `above` that may still touch
                while column < width {
                    if column + 8 <= width, bytes.loadUnaligned(fromByteOffset: base + column, as: UInt64.self) == 0 {
                        column += 8
                        continue
                    }
                    guard bytes[base + column] != 0 else {
                        column += 1
                        continue
                    }
                    let start = column
                    while column < width, bytes[base + column] != 0 { column += 1 }
                    let run = sets.add()
                    runBoxes.append(PixelRect(left: start, top: row, right: column, bottom: row + 1))
                    runAreas.append(column - start)
                    // Diagonal neighbours touch too: a run above touches when it reaches one pixel past either end.
                    while cursor < above.count, above[cursor].end < start { cursor += 1 }
                    var probe = cursor
                    while probe < above.count, above[probe].start <= column {
                        sets.join(above[probe].run, run)
                        probe += 1
                    }
                    current.append((start, column, run))
                }
                swap(&above, &current)
            }
        }
        var index: [Int: Int] = [:]
        runs.reserveCapacity(runBoxes.count)
        for run in runBoxes.indices {
            let group = sets.root(run)
            let box = runBoxes[run]
            runs.append((box.top, box.left, box.right, index[group] ?? boxes.count))
            if let slot = index[group] {
                let merged = boxes[slot]
                boxes[slot] = PixelRect(
                    left: min(merged.left, box.left),
                    top: min(merged.top, box.top),
                    right: max(merged.right, box.right),
                    bottom: max(merged.bottom, box.bottom)
                )
                areas[slot] += runAreas[run]
            } else {
                index[group] = boxes.count
                boxes.append(box)
                areas.append(runAreas[run])
            }
        }
    }
}
