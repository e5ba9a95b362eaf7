extension TextRecognizer {
    /// Letters reaching below the baseline: a word holding one has its bottom lower than its line's baseline.
    private static let descenders = Set("gjpqyQ,;()[]{}|/")

    /// How far a scan's text drops per pixel to the right: the median, over lines long enough to tell, of the slope
    /// between the bottoms of their first and last words that sit on the baseline (no descender). A page turned by
    /// 1.5° gives 0.026; 0 when no line tells.
    static func tilt(of words: [RecognizedWord]) -> Double {
        var ends: [Int: (first: RecognizedWord, last: RecognizedWord)] = [:]
        for word in words where !word.text.contains(where: descenders.contains) {
            if let known = ends[word.line] {
                ends[word.line] = (
                    word.left < known.first.left ? word : known.first, word.left > known.last.left ? word : known.last
                )
            } else {
                ends[word.line] = (word, word)
            }
        }
        let slopes = ends.values.compactMap { ends -> Double? in
            let run = ends.last.left - ends.first.left
            guard run >= 200 else { return nil }
            return Double((ends.last.top + ends.last.height) - (ends.first.top + ends.first.height)) / Double(run)
        }.sorted()
        guard !slopes.isEmpty else { return 0 }
        return slopes[slopes.count / 2]
    }

    /// The words as if the scan had been turned back by `tilt` about its top-left corner: each word moved up by
    /// the drop at its middle, and each line's box made the union of its words' (a tilted line's box is taller than
    /// its letters, which would make them look larger than they are).
    static func deskewed(_ words: [RecognizedWord], tilt: Double) -> [RecognizedWord] {
        guard tilt != 0 else { return words }
        var moved = words.map { word -> RecognizedWord in
            var word = word
            // Turned about the top-left corner: x and y each move by the other's original value times the tilt.
            let (left, top) = (Double(word.left), Double(word.top))
            word.top -= Int((tilt * (left + Double(word.width) / 2)).rounded())
            word.left += Int((tilt * top).rounded())
            return word
        }
        var boxes: [Int: (top: Int, bottom: Int)] = [:]
        for word in moved {
            let known = boxes[word.line] ?? (word.top, word.top + word.height)
            boxes[word.line] = (min(known.top, word.top), max(known.bottom, word.top + word.height))
        }
        for index in moved.indices {
            guard let box = boxes[moved[index].line] else { continue }
            moved[index].lineTop = box.top
            moved[index].lineHeight = box.bottom - box.top
        }
        return moved
    }
}
