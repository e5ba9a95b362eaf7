/// A dash standing alone between words, named by its length. Tesseract's models read a spaced en dash (`2020 – 2021`,
/// `Appendix B – Audit`) as an em dash; the length of its ink tells them apart: an em dash spans the font size, an en
/// dash half of it. (Hyphens are left as read: on a scan their ink measures too close to a short en dash's.)
enum DashLength {
    /// An em dash shorter than this share of the font size is an en dash.
    static let emDashShortest = 0.75

    /// `text` with a lone em dash renamed after its `width` on a line of font size `size` (both in one unit).
    static func named(_ text: String, width: Double, size: Double) -> String {
        guard text == "—", size > 0, width < emDashShortest * size else { return text }
        return "–"
    }
}
