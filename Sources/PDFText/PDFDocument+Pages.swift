import CQPDF

extension PDFDocument {
    /// The geometry of a page: where its crop box lies in user space, its rotation and user unit.
    public struct PageGeometry: Hashable, Sendable {
        public var cropBox: Rect  // in user space, PDF orientation (y up)
        public var rotation: Int
        public var userUnit: Double

        /// Width and height as displayed (after rotation and user unit).
        public var displaySize: (width: Double, height: Double) {
            let width = cropBox.width * userUnit
            let height = cropBox.height * userUnit
            return rotation % 180 == 0 ? (width, height) : (height, width)
        }

        /// User space → display space (origin top-left, y down).
        public var displayMatrix: Matrix {
            let x0 = cropBox.x
            let y0 = cropBox.y
            let x1 = cropBox.maxX
            let y1 = cropBox.maxY
            let base: Matrix =
                switch rotation {
                case 90: Matrix(a: 0, b: 1, c: 1, d: 0, e: -y0, f: -x0)
                case 180: Matrix(a: -1, b: 0, c: 0, d: 1, e: x1, f: -y0)
                case 270: Matrix(a: 0, b: -1, c: -1, d: 0, e: y1, f: x1)
                default: Matrix(a: 1, b: 0, c: 0, d: -1, e: -x0, f: y1)
                }
            return base.concatenating(Matrix(a: userUnit, b: 0, c: 0, d: userUnit, e: 0, f: 0))
        }
    }

    private func box(_ object: PDFObject?) -> Rect? {
        guard let values = resolve(object).array?.compactMap({ resolve($0).number }), values.count == 4,
            values.allSatisfy(\.isFinite)
        else { return nil }
        let x0 = min(values[0], values[2])
        let x1 = max(values[0], values[2])
        let y0 = min(values[1], values[3])
        let y1 = max(values[1], values[3])
        guard x1 - x0 > 1, y1 - y0 > 1 else { return nil }
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    func geometry(of page: PDFDictionary) -> PageGeometry {
        let media = box(page["MediaBox"]) ?? Rect(x: 0, y: 0, width: 612, height: 792)
        var crop = box(page["CropBox"]) ?? media
        // The crop box is clipped to the media box.
        let x0 = max(crop.x, media.x)
        let y0 = max(crop.y, media.y)
        let x1 = min(crop.maxX, media.maxX)
        let y1 = min(crop.maxY, media.maxY)
        crop = x1 - x0 > 1 && y1 - y0 > 1 ? Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0) : media
        let rawRotation = resolve(page["Rotate"]).int ?? 0
        let rotation = ((rawRotation % 360) + 360) % 360 / 90 * 90
        var userUnit = resolve(page["UserUnit"]).number ?? 1
        if !(userUnit > 0 && userUnit < 100) { userUnit = 1 }
        return PageGeometry(cropBox: crop, rotation: rotation, userUnit: userUnit)
    }

    /// Extracts glyphs and rulings of the given 1-based pages, in order.
    ///
    /// - Throws: ``PDFError`` when a limit is exceeded.
    public func extractPages(_ selection: PageSelection) throws -> [PageContent] {
        pushInheritedAttributes()
        let fontCache = FontCache()
        var pages: [PageContent] = []
        pages.reserveCapacity(selection.pages.count)
        var glyphs = 0
        var operators = 0
        for number in selection.pages {
            let (page, pageOperators) = try extractPage(number, fontCache: fontCache)
            releaseHandles()
            glyphs += page.glyphs.count
            operators += pageOperators
            // Budgets over the whole document: each page within its own limits can still add up to a bomb.
            if glyphs > limits.maxGlyphsPerDocument {
                throw PDFError(
                    .glyphBudget,
                    "the pages up to \(number) draw more than \(limits.maxGlyphsPerDocument) glyphs"
                )
            }
            if operators > limits.maxOperatorsPerDocument {
                throw PDFError(
                    .operatorBudget,
                    "the pages up to \(number) run more than \(limits.maxOperatorsPerDocument) content-stream operators"
                )
            }
            pages.append(page)
        }
        return pages
    }

    private func extractPage(_ number: Int, fontCache: FontCache) throws -> (PageContent, operators: Int) {
        let (page, _, handle) = pageObject(at: number - 1)
        let geometry = geometry(of: page)
        let size = geometry.displaySize
        let interpreter = ContentInterpreter(
            document: self,
            fontCache: fontCache,
            displayMatrix: geometry.displayMatrix,
            width: size.width,
            height: size.height
        )
        let content = try pageContent(handle)
        let resources = ResourceScope(dictionary(page, "Resources"), document: self)
        try interpreter.run(content, resources: resources)
        let extracted = PageContent(
            number: number,
            width: size.width,
            height: size.height,
            rotation: geometry.rotation,
            glyphs: interpreter.glyphs,
            fonts: interpreter.fonts,
            rulings: interpreter.rulings,
            rects: interpreter.rects,
            dots: interpreter.dots,
            images: interpreter.images,
            unmappedGlyphCount: interpreter.unmappedCount,
            clippedGlyphCount: interpreter.clippedCount
        )
        return (extracted, interpreter.operatorCount)
    }
}
