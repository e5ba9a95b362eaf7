import COCR

extension GrayImage {
    /// The page turned so that its lines of text run level, and the angle it was turned by (degrees); the page as
    /// it is, and 0, when it is level already, Leptonica cannot tell, or it is not loaded.
    ///
    /// Tesseract copes with a little skew inside a line, but its page layout does not: on a page turned by a degree
    /// or more it can cut long lines into two blocks side by side (splitting a word where the cut falls) and join the
    /// lines of two columns whose baselines drift into each other. A level page is read as the producer laid it out.
    func levelled() -> (image: GrayImage, degrees: Double) {
        guard width >= 16, height >= 16 else { return (self, 0) }
        var turned = [UInt8](repeating: 255, count: width * height)
        var angle: Float = 0
        let status = pixels.withUnsafeBufferPointer { source in
            turned.withUnsafeMutableBufferPointer { target in
                skillspool_image_deskew(source.baseAddress, Int32(width), Int32(height), target.baseAddress, &angle)
            }
        }
        guard status == 0 else { return (self, 0) }
        return (GrayImage(width: width, height: height, pixels: turned), Double(angle))
    }
}
