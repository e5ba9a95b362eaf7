/// Indices joined pairwise into sets (union-find with path halving): which runs of ink touch, which boxes share a
/// line.
struct DisjointSets {
    private var parent: [Int]

    init(count: Int = 0) { parent = Array(0..<count) }

    /// Adds a set holding only a new index, and returns that index.
    mutating func add() -> Int {
        parent.append(parent.count)
        return parent.count - 1
    }

    /// The index that stands for the set holding `index`.
    mutating func root(_ index: Int) -> Int {
        var index = index
        while parent[index] != index {
            parent[index] = parent[parent[index]]
            index = parent[index]
        }
        return index
    }

    /// Puts the sets of `first` and `second` together.
    mutating func join(_ first: Int, _ second: Int) {
        let (a, b) = (root(first), root(second))
        if a != b { parent[b] = a }
    }
}
