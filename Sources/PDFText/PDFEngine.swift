/// Identity of the conversion engine; part of every output so results can be tied to the code that made them.
public enum PDFEngine {
    /// Bumped whenever output for the same input may change.
    public static let version = "pdf@0.1.0"
}
