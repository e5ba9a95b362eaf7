/// Interprets a page's content streams: graphics state, text operators, Form XObjects, marked content and paths.
///
/// Produces glyphs and ruling candidates in display space. Operators it does not need (images, shadings, colour
/// spaces beyond gray/RGB/CMYK) are consumed and ignored; malformed operands are skipped.
final class ContentInterpreter {
    private let document: PDFDocument
    private let fontCache: FontCache
    let limits: ConversionLimits
    private let pageWidth: Double
    private let pageHeight: Double

    private(set) var glyphs: [Glyph] = []
    private(set) var fonts: [FontInfo] = []
    var rulings: [Ruling] = []
    var rects: [FilledRect] = []
    private(set) var unmappedCount = 0
    private(set) var clippedCount = 0

    private var fontIndexes: [ObjectIdentifier: Int32] = [:]
    var state: GraphicsState
    var stateStack: [GraphicsState] = []
    var textMatrix = Matrix.identity
    var lineMatrix = Matrix.identity
    private var operatorCount = 0
    private var activeForms: Set<ObjectID> = []
    private var depth = 0
    private var sequence: Int32 = 0
    /// Open marked-content sequences: the glyph count at BDC and its ActualText, if any.
    private var markedContent: [(start: Int, actualText: String?)] = []
    var path = PathBuilder()
    var pathSegments = 0

    init(document: PDFDocument, fontCache: FontCache, displayMatrix: Matrix, width: Double, height: Double) {
        self.document = document
        self.fontCache = fontCache
        self.limits = document.limits
        self.pageWidth = width
        self.pageHeight = height
        self.state = GraphicsState(ctm: displayMatrix)
    }

    /// Runs one content stream with its resources.
    func run(_ content: [UInt8], resources: ResourceScope) throws {
        try content.withUnsafeBufferPointer { buffer in
            var lexer = ContentLexer(buffer)
            var operands: [Operand] = []
            operands.reserveCapacity(16)
            while true {
                switch lexer.next() {
                case .end:
                    return
                case .operand(let operand):
                    if operands.count < 64 { operands.append(operand) }
                case .arrayEnd, .dictionaryEnd:
                    continue
                case .keyword(let start, let end):
                    operatorCount += 1
                    if operatorCount > limits.maxOperatorsPerPage {
                        throw PDFError(
                            .tooManyOperators,
                            "a page has more than \(limits.maxOperatorsPerPage) content-stream operators"
                        )
                    }
                    let code = lexer.operatorCode(start: start, end: end)
                    if code == Op.BI {
                        skipInlineImage(&lexer)
                    } else {
                        try execute(code, operands, resources: resources)
                    }
                    operands.removeAll(keepingCapacity: true)
                }
            }
        }
    }

    private func skipInlineImage(_ lexer: inout ContentLexer) {
        var parameters: [String: Operand] = [:]
        var key: String?
        loop: while true {
            switch lexer.next() {
            case .end:
                return
            case .operand(let operand):
                if let pending = key {
                    parameters[pending] = operand
                    key = nil
                } else {
                    key = operand.name
                }
            case .keyword(let start, let end):
                if lexer.keywordEquals(start: start, end: end, "ID") { break loop }
            case .arrayEnd, .dictionaryEnd:
                continue
            }
        }
        var length: Int?
        if parameters["F"] == nil, parameters["Filter"] == nil {
            let width = Int(parameters["W"]?.number ?? parameters["Width"]?.number ?? 0)
            let height = Int(parameters["H"]?.number ?? parameters["Height"]?.number ?? 0)
            let isMask = parameters["IM"].map { if case .bool(true) = $0 { true } else { false } } ?? false
            let bits = isMask ? 1 : Int(parameters["BPC"]?.number ?? parameters["BitsPerComponent"]?.number ?? 8)
            let space = parameters["CS"]?.name ?? parameters["ColorSpace"]?.name ?? "G"
            let components =
                isMask
                ? 1 : (["RGB", "DeviceRGB"].contains(space) ? 3 : ["CMYK", "DeviceCMYK"].contains(space) ? 4 : 1)
            if width > 0, height > 0, width < 100_000, height < 100_000, bits > 0, bits <= 16 {
                length = height * ((width * components * bits + 7) / 8)
            }
        }
        lexer.skipInlineImageData(dataLength: length)
    }

    // MARK: - Dispatch

    private func execute(_ code: OperatorCode, _ operands: [Operand], resources: ResourceScope) throws {
        @inline(__always) func number(_ index: Int) -> Double {
            index < operands.count ? (operands[index].number ?? 0) : 0
        }
        switch code {
        // Graphics state
        case Op.q:
            if stateStack.count < 256 { stateStack.append(state) }
        case Op.Q:
            if let saved = stateStack.popLast() { state = saved }
        case Op.cm:
            guard operands.count >= 6 else { return }
            let matrix = Matrix(a: number(0), b: number(1), c: number(2), d: number(3), e: number(4), f: number(5))
            if matrix.isFinite { state.ctm = matrix.concatenating(state.ctm) }
        case Op.w:
            state.lineWidth = number(0)
        case Op.gs:
            applyExtGState(operands.first?.name, resources: resources)
        // Colour
        case Op.g: state.fillColor = (number(0), number(0), number(0))
        case Op.G: state.strokeColor = (number(0), number(0), number(0))
        case Op.rg: state.fillColor = (number(0), number(1), number(2))
        case Op.RG: state.strokeColor = (number(0), number(1), number(2))
        case Op.k: state.fillColor = Self.rgb(cmyk: number(0), number(1), number(2), number(3))
        case Op.K: state.strokeColor = Self.rgb(cmyk: number(0), number(1), number(2), number(3))
        case Op.sc, Op.scn:
            if let color = Self.color(operands) { state.fillColor = color }
        case Op.SC, Op.SCN:
            if let color = Self.color(operands) { state.strokeColor = color }
        case Op.cs: state.fillColor = (0, 0, 0)
        case Op.CS: state.strokeColor = (0, 0, 0)
        // Text objects and state
        case Op.BT:
            textMatrix = .identity
            lineMatrix = .identity
        case Op.ET:
            break
        case Op.Tf:
            selectFont(operands.first?.name, size: number(1), resources: resources)
        case Op.Tc: state.characterSpacing = number(0)
        case Op.Tw: state.wordSpacing = number(0)
        case Op.Tz: state.horizontalScale = number(0) / 100
        case Op.TL: state.leading = number(0)
        case Op.Ts: state.rise = number(0)
        case Op.Tr: state.renderMode = Int8(clamping: Int(number(0)))
        // Text positioning
        case Op.Td:
            moveLine(number(0), number(1))
        case Op.TD:
            state.leading = -number(1)
            moveLine(number(0), number(1))
        case Op.Tm:
            guard operands.count >= 6 else { return }
            let matrix = Matrix(a: number(0), b: number(1), c: number(2), d: number(3), e: number(4), f: number(5))
            if matrix.isFinite {
                textMatrix = matrix
                lineMatrix = matrix
            }
        case Op.TStar:
            moveLine(0, -state.leading)
        // Text showing
        case Op.Tj:
            if let bytes = operands.last?.string { show(bytes) }
        case Op.quote:
            moveLine(0, -state.leading)
            if let bytes = operands.last?.string { show(bytes) }
        case Op.doubleQuote:
            guard operands.count >= 3 else { return }
            state.wordSpacing = number(0)
            state.characterSpacing = number(1)
            moveLine(0, -state.leading)
            if let bytes = operands[2].string { show(bytes) }
        case Op.TJ:
            guard case .array(let items)? = operands.last else { return }
            for item in items {
                switch item {
                case .string(let bytes): show(bytes)
                case .number(let adjustment): adjust(adjustment)
                default: continue
                }
            }
        // XObjects and marked content
        case Op.Do:
            if let name = operands.first?.name { try drawXObject(name, resources: resources) }
        case Op.BMC:
            markedContent.append((glyphs.count, nil))
        case Op.BDC:
            markedContent.append((glyphs.count, actualText(operands.last, resources: resources)))
        case Op.EMC:
            if let (start, text) = markedContent.popLast(), let text { replaceWithActualText(from: start, text: text) }
        default:
            paintOrBuildPath(code, operands)
        }
    }

    private static func rgb(cmyk c: Double, _ m: Double, _ y: Double, _ k: Double) -> (Double, Double, Double) {
        ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    }

    private static func color(_ operands: [Operand]) -> (Double, Double, Double)? {
        let values = operands.compactMap(\.number)
        switch values.count {
        case 1: return (values[0], values[0], values[0])
        case 3: return (values[0], values[1], values[2])
        case 4: return rgb(cmyk: values[0], values[1], values[2], values[3])
        default: return nil
        }
    }

    private func applyExtGState(_ name: String?, resources: ResourceScope) {
        guard let name, let parameters = document.resolve(resources.extGStates?[name]).dictionary else { return }
        if let width = document.resolve(parameters["LW"]).number { state.lineWidth = width }
        if let fontEntry = document.resolve(parameters["Font"]).array, fontEntry.count == 2,
            case .reference(let id) = fontEntry[0], let size = document.resolve(fontEntry[1]).number,
            let dictionary = document.resolve(fontEntry[0]).dictionary
        {
            setFont(fontCache.font(id: id, dictionary: dictionary, document: document), size: size)
        }
    }

    private func selectFont(_ name: String?, size: Double, resources: ResourceScope) {
        guard let name, let entry = resources.fonts?[name] else {
            state.fontSize = size
            return
        }
        let font: PDFFont?
        if case .reference(let id) = entry {
            font = document.resolve(entry).dictionary.map { fontCache.font(id: id, dictionary: $0, document: document) }
        } else {
            font = entry.dictionary.map { FontLoader(document: document).load($0) }
        }
        setFont(font, size: size)
    }

    private func setFont(_ font: PDFFont?, size: Double) {
        state.font = font
        state.fontSize = size
        guard let font else { return }
        let key = ObjectIdentifier(font)
        if let index = fontIndexes[key] {
            state.fontIndex = index
        } else {
            let index = Int32(fonts.count)
            fonts.append(
                FontInfo(
                    name: Self.displayName(font.name),
                    isBold: font.isBold,
                    isItalic: font.isItalic,
                    isMonospace: font.isMonospace,
                    isVertical: font.isVertical,
                    kind: "\(font.kind)"
                )
            )
            fontIndexes[key] = index
            state.fontIndex = index
        }
    }

    /// Font name without a subset tag (`ABCDEF+Times` → `Times`).
    static func displayName(_ name: String) -> String {
        if let plus = name.firstIndex(of: "+"), name.distance(from: name.startIndex, to: plus) == 6 {
            return String(name[name.index(after: plus)...])
        }
        return name
    }

    private func moveLine(_ x: Double, _ y: Double) {
        lineMatrix = lineMatrix.translatedBy(x, y)
        textMatrix = lineMatrix
    }

    private func adjust(_ amount: Double) {
        let offset = -amount / 1000 * state.fontSize
        if state.font?.isVertical == true {
            textMatrix = textMatrix.translatedBy(0, offset)
        } else {
            textMatrix = textMatrix.translatedBy(offset * state.horizontalScale, 0)
        }
    }

    // MARK: - Glyphs

    private func show(_ bytes: [UInt8]) {
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

    private func emit(_ decoded: PDFFont.DecodedGlyph, font: PDFFont, matrix: Matrix, vertical: Double?) {
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

    // MARK: - Marked content

    private func actualText(_ operand: Operand?, resources: ResourceScope) -> String? {
        switch operand {
        case .dictionary(let entries):
            return entries["ActualText"]?.string.map(PDFTextString.decode)
        case .name(let name):
            return document.resolve(resources.properties?[name]).dictionary?["ActualText"].flatMap {
                document.resolve($0).text
            }
        default:
            return nil
        }
    }

    private func replaceWithActualText(from start: Int, text: String) {
        guard start < glyphs.count else { return }
        let unmappedInside = glyphs[start...].reduce(0) { $0 + ($1.isMapped ? 0 : 1) }
        guard !text.isEmpty else {
            // An empty replacement says the marked glyphs carry no text (decorations, duplicates).
            unmappedCount = max(0, unmappedCount - unmappedInside)
            glyphs.removeSubrange(start...)
            return
        }
        var merged = glyphs[start]
        for glyph in glyphs[(start + 1)...] { merged.box = merged.box.union(glyph.box) }
        unmappedCount = max(0, unmappedCount - unmappedInside)
        merged.text = text
        merged.isMapped = true
        merged.isWordSpace = false
        let last = glyphs[glyphs.count - 1]
        merged.advance = max(
            merged.advance,
            (last.x - merged.x) * merged.directionX + (last.y - merged.y) * merged.directionY + last.advance
        )
        glyphs.removeSubrange(start...)
        glyphs.append(merged)
    }

    // MARK: - XObjects

    private func drawXObject(_ name: String, resources: ResourceScope) throws {
        guard let entry = resources.xObjects?[name], case .reference(let id) = entry,
            case .stream(let dictionary, _) = document.resolve(entry), dictionary["Subtype"]?.name == "Form"
        else { return }
        guard !activeForms.contains(id) else { return }  // a form that draws itself
        guard depth < limits.maxXObjectDepth else {
            throw PDFError(.xobjectTooDeep, "Form XObjects nest deeper than \(limits.maxXObjectDepth) levels")
        }
        guard let content = try document.streamData(id) else { return }
        let saved = state
        let savedStack = stateStack.count
        if let values = document.resolve(dictionary["Matrix"]).array?.compactMap({ document.resolve($0).number }),
            values.count == 6
        {
            let matrix = Matrix(a: values[0], b: values[1], c: values[2], d: values[3], e: values[4], f: values[5])
            if matrix.isFinite { state.ctm = matrix.concatenating(state.ctm) }
        }
        let formResources = document.dictionary(dictionary, "Resources").map { ResourceScope($0, document: document) }
        activeForms.insert(id)
        depth += 1
        defer {
            depth -= 1
            activeForms.remove(id)
            state = saved
            if stateStack.count > savedStack { stateStack.removeLast(stateStack.count - savedStack) }
        }
        let savedText = (textMatrix, lineMatrix)
        try run(content, resources: formResources ?? resources)
        (textMatrix, lineMatrix) = savedText
    }
}
