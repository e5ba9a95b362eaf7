/// Interprets a page's content streams: graphics state, text operators, Form XObjects, marked content and paths.
///
/// Produces glyphs and ruling candidates in display space. Operators it does not need (images, shadings, colour
/// spaces beyond gray/RGB/CMYK) are consumed and ignored; malformed operands are skipped.
final class ContentInterpreter {
    let document: PDFDocument
    private let fontCache: FontCache
    let limits: ConversionLimits
    let pageWidth: Double
    let pageHeight: Double

    var glyphs: [Glyph] = []
    private(set) var fonts: [FontInfo] = []
    var rulings: [Ruling] = []
    var rects: [FilledRect] = []
    var dots: [FilledRect] = []
    var images: [PlacedImage] = []
    var unmappedCount = 0
    var clippedCount = 0

    private var fontIndexes: [ObjectIdentifier: Int32] = [:]
    var state: GraphicsState
    var stateStack: [GraphicsState] = []
    var textMatrix = Matrix.identity
    var lineMatrix = Matrix.identity
    private(set) var operatorCount = 0
    var activeForms: Set<ObjectID> = []
    var depth = 0
    var sequence: Int32 = 0
    /// Open marked-content sequences: the glyph count at BDC and its ActualText, if any.
    var markedContent: [(start: Int, actualText: String?)] = []
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
            let width = parameters["W"]?.int ?? parameters["Width"]?.int ?? 0
            let height = parameters["H"]?.int ?? parameters["Height"]?.int ?? 0
            let isMask = parameters["IM"].map { if case .bool(true) = $0 { true } else { false } } ?? false
            let bits = isMask ? 1 : parameters["BPC"]?.int ?? parameters["BitsPerComponent"]?.int ?? 8
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
        case Op.Tr:
            // Modes are 0–7, clamped as before; a hostile operand (1e300, NaN) must not trap converting to Int.
            let mode = number(0)
            state.renderMode = mode.isFinite ? Int8(max(-128, min(127, mode.rounded(.towardZero)))) : 0
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
                    kind: font.kind.rawValue
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

}
