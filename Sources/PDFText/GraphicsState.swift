/// The parts of the PDF graphics state that affect text and rulings.
struct GraphicsState {
    /// User space → page display space.
    var ctm: Matrix
    var font: PDFFont?
    var fontIndex: Int32 = -1
    var fontSize: Double = 0
    var characterSpacing: Double = 0
    var wordSpacing: Double = 0
    /// `Tz` / 100.
    var horizontalScale: Double = 1
    var leading: Double = 0
    var rise: Double = 0
    var renderMode: Int8 = 0
    var lineWidth: Double = 1
    var strokeColor: (Double, Double, Double) = (0, 0, 0)
    var fillColor: (Double, Double, Double) = (0, 0, 0)
}

/// Page resources in effect for a content stream (a form's own, or its parent's).
struct ResourceScope {
    var fonts: PDFDictionary?
    var xObjects: PDFDictionary?
    var extGStates: PDFDictionary?
    var properties: PDFDictionary?

    init(_ resources: PDFDictionary?, document: PDFDocument) {
        fonts = document.dictionary(resources, "Font")
        xObjects = document.dictionary(resources, "XObject")
        extGStates = document.dictionary(resources, "ExtGState")
        properties = document.dictionary(resources, "Properties")
    }
}
