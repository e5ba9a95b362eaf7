/// Showing text: each code of a string becomes a positioned glyph in display space.
extension ContentInterpreter {
    // MARK: - Glyphs

    func show(_ bytes: [UInt8]) {
        guard let font = state.font else { return }
        let size = state.fontSize
        let scale = state.horizontalScale
        let vertical = font.isVertical
        font.forEachGlyph(in: bytes) { decoded in
            let renderMatrix = Matrix(a: size * scale, b: 0, c: 0, d: size, e: 0, f: state.rise)
                .concatenating(textMatrix).concatenating(state.ctm)
            let spacing = state.characterSpacing + (decoded.isWordSpace ? state.wordSpacing : 0)
            if vertical {
                let advance = font.verticalAdvance(cid: decoded.code)
                emit(decoded, font: font, matrix: renderMatrix, vertical: advance)
                textMatrix = textMatrix.translatedBy(0, advance * size + spacing)
            } else {
                emit(decoded, font: font, matrix: renderMatrix, vertical: nil)
                textMatrix = textMatrix.translatedBy((decoded.width * size + spacing) * scale, 0)
            }
        }
    }

    func emit(_ decoded: PDFFont.DecodedGlyph, font: PDFFont, matrix: Matrix, vertical: Double?) {
        sequence &+= 1
        guard glyphs.count < limits.maxGlyphsPerPage else { return }
        let (x, y) = matrix.apply(0, 0)
        let (upX, upY) = matrix.applyVector(0, 1)
        let displaySize = (upX * upX + upY * upY).squareRoot()
        var box: Rect
        var directionX: Double
        var directionY: Double
        var advance: Double
        if let vertical {
            let (downX, downY) = matrix.applyVector(0, -1)
            let length = max((downX * downX + downY * downY).squareRoot(), 1e-9)
            directionX = downX / length
            directionY = downY / length
            advance = abs(vertical) * length
            box = Self.bounds(matrix, x0: -0.5, y0: 0, x1: 0.5, y1: vertical)
        } else {
            let width = decoded.width
            let (forwardX, forwardY) = matrix.applyVector(1, 0)
            let length = max((forwardX * forwardX + forwardY * forwardY).squareRoot(), 1e-9)
            directionX = forwardX / length
            directionY = forwardY / length
            advance = width * length
            let descent = font.descent
            let ascent = font.ascent
            box = Self.bounds(matrix, x0: 0, y0: descent, x1: width, y1: ascent)
        }
        guard x.isFinite, y.isFinite, displaySize.isFinite, advance.isFinite else { return }
        // Text outside the page box is dropped (judged by the glyph's centre).
        let centreX = box.midX
        let centreY = box.midY
        if centreX < -1 || centreY < -1 || centreX > pageWidth + 1 || centreY > pageHeight + 1 {
            clippedCount += 1
            return
        }
        let text = decoded.text ?? ""
        if decoded.text == nil { unmappedCount += 1 }
        glyphs.append(
            Glyph(
                text: text,
                x: x,
                y: y,
                advance: advance,
                directionX: directionX,
                directionY: directionY,
                size: displaySize,
                box: box,
                fontIndex: state.fontIndex,
                renderMode: state.renderMode,
                isMapped: decoded.text != nil,
                isWordSpace: decoded.isWordSpace,
                sequence: sequence
            )
        )
    }

    /// The display-space bounding box of the text-space rectangle (x0, y0)–(x1, y1).
    @inline(__always) private static func bounds(
        _ matrix: Matrix,
        x0: Double,
        y0: Double,
        x1: Double,
        y1: Double
    ) -> Rect {
        let (ax, ay) = matrix.apply(x0, y0)
        let (bx, by) = matrix.apply(x1, y0)
        let (cx, cy) = matrix.apply(x0, y1)
        let (dx, dy) = matrix.apply(x1, y1)
        let minX = min(min(ax, bx), min(cx, dx))
        let minY = min(min(ay, by), min(cy, dy))
        return Rect(
            x: minX,
            y: minY,
            width: max(max(ax, bx), max(cx, dx)) - minX,
            height: max(max(ay, by), max(cy, dy)) - minY
        )
    }
}
