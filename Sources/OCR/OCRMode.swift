/// When pages are read by OCR.
public enum OCRMode: String, Sendable, Hashable, CaseIterable {
    /// Pages without a text layer that draw an image (scans).
    case auto
    case never
    /// Every page's images, also on pages with text (their words that overlap the text layer are left out).
    case always
}

/// Tesseract language codes: `eng`, `deu`, `chi_sim`. Anything else is refused where it is read (configuration,
/// manifest, command line): the code names a file in Tesseract's data folder.
public enum OCRLanguage {
    public static func isValid(_ code: String) -> Bool {
        let parts = code.split(separator: "_", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count) && parts[0].count == 3
            && parts.allSatisfy { part in
                !part.isEmpty && part.count <= 8 && part.allSatisfy { ("a"..."z").contains($0) }
            }
    }
}
