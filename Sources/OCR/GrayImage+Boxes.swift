extension GrayImage {
    /// The page without the boxes drawn around form fields and tick boxes: Tesseract reads a box's sides as
    /// brackets, `l` or `|` beside the value ("[17 December 1992", "lLindenallee 4") and an empty tick box as `O`,
    /// `[]` or `5`. A box is an ink component whose four sides are each drawn along most of their length and which
    /// holds nothing else of its own ink (the text inside it is apart); a table's grid has rules inside and is kept.
    func withoutBoxes(threshold: UInt8) -> GrayImage {
        let ink = pixels.map { $0 < threshold }
        let components = InkComponents(ink, width: width, height: height)
        // Only hollow components the size of a box or more are looked at run by run.
        let hollow = components.boxes.indices.filter { index in
            let box = components.boxes[index]
            return box.width >= 8 && box.height >= 8 && components.areas[index] * 2 <= box.width * box.height
        }
        guard !hollow.isEmpty else { return self }
        // A page has many runs and few hollow components: looked up by index, not hashed.
        var isHollow = [Bool](repeating: false, count: components.boxes.count)
        for component in hollow { isHollow[component] = true }
        var runs: [Int: [(row: Int, start: Int, end: Int)]] = [:]
        for run in components.runs where isHollow[run.component] {
            runs[run.component, default: []].append((run.row, run.start, run.end))
        }
        var cleared = self
        for component in hollow {
            guard let own = runs[component], Self.isDrawnBox(components.boxes[component], runs: own) else { continue }
            // The box's ink and the grey fringe around its strokes.
            for run in own {
                for row in max(0, run.row - 1)...min(height - 1, run.row + 1) {
                    for column in max(0, run.start - 1)..<min(width, run.end + 1)
                    where cleared.pixels[row * width + column] < 200 || row == run.row {
                        cleared.pixels[row * width + column] = 255
                    }
                }
            }
        }
        return cleared
    }

    /// Whether runs of ink within `box` draw its outline: each side covered along at least 80% of its length
    /// within a band of a sixth of the shorter side, and at least 90% of the ink in those bands.
    static func isDrawnBox(_ box: PixelRect, runs: [(row: Int, start: Int, end: Int)]) -> Bool {
        let band = max(2, min(box.width, box.height) / 6)
        var top = [Bool](repeating: false, count: box.width)
        var bottom = [Bool](repeating: false, count: box.width)
        var left = [Bool](repeating: false, count: box.height)
        var right = [Bool](repeating: false, count: box.height)
        var (total, edge) = (0, 0)
        for run in runs {
            let length = run.end - run.start
            total += length
            let (y, x0, x1) = (run.row - box.top, run.start - box.left, run.end - box.left)
            if y < band || y >= box.height - band {
                for x in x0..<x1 {
                    if y < band { top[x] = true } else { bottom[x] = true }
                }
                edge += length
                continue
            }
            if x0 < band {
                left[y] = true
                edge += min(x1, band) - x0
            }
            if x1 > box.width - band {
                right[y] = true
                edge += x1 - max(x0, box.width - band)
            }
        }
        let covered = { (side: ArraySlice<Bool>) in side.filter { $0 }.count * 5 >= side.count * 4 }
        let sides = band..<(box.height - band)
        return covered(top[...]) && covered(bottom[...]) && covered(left[sides]) && covered(right[sides])
            && edge * 10 >= total * 9
    }
}
