/// When pages are read by OCR.
public enum OCRMode: String, Sendable, Hashable, CaseIterable {
    /// Pages without a text layer that draw an image (scans).
    case auto
    case never
    /// Every page's images, also on pages with text (their words that overlap the text layer are left out).
    case always
}

/// Tesseract language codes: `eng`, `deu`, `chi_sim`, or `auto`. Anything else is refused where it is read
/// (configuration, manifest, command line): the code names a file in Tesseract's data folder.
public enum OCRLanguage {
    /// Asks for the document's language to be told from the first page read with words enough (its function
    /// words and the labels of invoices, statements and forms, see `DocumentLanguage.ofScan`): English, German,
    /// French, Spanish, Italian or Dutch is then put before the languages listed for the rest of the document, that
    /// page read again with it. An English document is read once, as with the listed languages alone.
    public static let automatic = "auto"

    public static func isValid(_ code: String) -> Bool {
        if code == automatic { return true }
        let parts = code.split(separator: "_", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count) && parts[0].count == 3
            && parts.allSatisfy { part in
                !part.isEmpty && part.count <= 8 && part.allSatisfy { ("a"..."z").contains($0) }
            }
    }
}
