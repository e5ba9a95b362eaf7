/// What every conversion gives, whatever its source format: the structured document and its reading-order text.
public protocol ConvertedSource {
    /// The structured document (schema v1).
    var document: Document { get }
    /// Reading-order text: pages (or sections) separated by form feeds.
    var text: String { get }
}
