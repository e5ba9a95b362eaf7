/// The current path, in display space, as subpaths of points.
struct PathBuilder {
    struct Subpath {
        var points: [(Double, Double)] = []
        var isClosed = false
        /// False once a curve is part of it: only straight subpaths become rulings.
        var isStraight = true
    }

    var subpaths: [Subpath] = []

    mutating func move(_ point: (Double, Double)) {
        subpaths.append(Subpath(points: [point]))
    }

    mutating func line(_ point: (Double, Double)) {
        if subpaths.isEmpty { subpaths.append(Subpath()) }
        subpaths[subpaths.count - 1].points.append(point)
    }

    mutating func curve(to point: (Double, Double)) {
        if subpaths.isEmpty { subpaths.append(Subpath()) }
        subpaths[subpaths.count - 1].isStraight = false
        subpaths[subpaths.count - 1].points.append(point)
    }

    mutating func close() {
        guard !subpaths.isEmpty else { return }
        subpaths[subpaths.count - 1].isClosed = true
    }

    var currentPoint: (Double, Double)? { subpaths.last?.points.last }
}

extension ContentInterpreter {
    /// Path construction and painting; anything else is ignored.
    func paintOrBuildPath(_ code: OperatorCode, _ operands: [Operand]) {
        @inline(__always) func number(_ index: Int) -> Double {
            index < operands.count ? (operands[index].number ?? 0) : 0
        }
        let ctm = state.ctm
        switch code {
        case Op.m:
            path.move(ctm.apply(number(0), number(1)))
        case Op.l:
            path.line(ctm.apply(number(0), number(1)))
        case Op.c:
            path.curve(to: ctm.apply(number(4), number(5)))
        case Op.v, Op.y:
            path.curve(to: ctm.apply(number(2), number(3)))
        case Op.h:
            path.close()
        case Op.re:
            let x = number(0)
            let y = number(1)
            let width = number(2)
            let height = number(3)
            path.move(ctm.apply(x, y))
            path.line(ctm.apply(x + width, y))
            path.line(ctm.apply(x + width, y + height))
            path.line(ctm.apply(x, y + height))
            path.close()
        case Op.S:
            paint(stroke: true, fill: false)
        case Op.s:
            path.close()
            paint(stroke: true, fill: false)
        case Op.f, Op.F, Op.fStar:
            paint(stroke: false, fill: true)
        case Op.B, Op.BStar:
            paint(stroke: true, fill: true)
        case Op.b, Op.bStar:
            path.close()
            paint(stroke: true, fill: true)
        case Op.n:
            path = PathBuilder()
        default:
            break
        }
    }

    private var lineScale: Double {
        let (x, y) = state.ctm.applyVector(0.70710678, 0.70710678)
        return (x * x + y * y).squareRoot()
    }

    private func paint(stroke: Bool, fill: Bool) {
        defer { path = PathBuilder() }
        let width = max(state.lineWidth * lineScale, 0.1)
        for subpath in path.subpaths where !subpath.isStraight && subpath.points.count >= 3 {
            addDot(subpath, stroke: stroke, fill: fill)
        }
        for subpath in path.subpaths where subpath.isStraight && subpath.points.count >= 2 {
            guard pathSegments < limits.maxPathSegmentsPerPage else { return }
            pathSegments += subpath.points.count
            // Filling closes every subpath implicitly: four corners drawn with `l` are a rectangle too.
            if let rect = Self.axisAlignedRect(subpath, closed: subpath.isClosed || fill) {
                addRect(rect, stroke: stroke, fill: fill, lineWidth: width)
                continue
            }
            guard stroke else { continue }
            var points = subpath.points
            if subpath.isClosed, let first = points.first { points.append(first) }
            for index in 1..<points.count {
                addLine(points[index - 1], points[index], lineWidth: width, color: state.strokeColor)
            }
        }
    }

    private static func axisAlignedRect(_ subpath: PathBuilder.Subpath, closed: Bool) -> Rect? {
        var points = subpath.points
        if points.count == 5, let first = points.first, let last = points.last,
            abs(first.0 - last.0) < 0.01, abs(first.1 - last.1) < 0.01
        {
            points.removeLast()
        }
        guard points.count == 4, closed || subpath.points.count == 5 else { return nil }
        for index in 0..<4 {
            let (x0, y0) = points[index]
            let (x1, y1) = points[(index + 1) % 4]
            if abs(x0 - x1) > 0.01 && abs(y0 - y1) > 0.01 { return nil }
        }
        let xs = points.map(\.0)
        let ys = points.map(\.1)
        let minX = xs.min()!
        let minY = ys.min()!
        return Rect(x: minX, y: minY, width: xs.max()! - minX, height: ys.max()! - minY)
    }

    /// A small round shape (a disc or ring drawn with curves, as browsers draw list bullets) is kept as a dot so
    /// the layout can see the bullet; larger curved shapes (logos, charts) are not kept.
    private func addDot(_ subpath: PathBuilder.Subpath, stroke: Bool, fill: Bool) {
        guard pathSegments < limits.maxPathSegmentsPerPage, dots.count < limits.maxPathSegmentsPerPage else { return }
        pathSegments += subpath.points.count
        let xs = subpath.points.map(\.0)
        let ys = subpath.points.map(\.1)
        let rect = Rect(x: xs.min()!, y: ys.min()!, width: xs.max()! - xs.min()!, height: ys.max()! - ys.min()!)
        guard (1...10).contains(rect.width), (1...10).contains(rect.height),
            rect.width <= 1.6 * rect.height, rect.height <= 1.6 * rect.width
        else { return }
        let color = fill ? state.fillColor : state.strokeColor
        dots.append(
            FilledRect(rect: rect, isFilled: fill, isStroked: stroke, red: color.0, green: color.1, blue: color.2)
        )
    }

    private func addRect(_ rect: Rect, stroke: Bool, fill: Bool, lineWidth: Double) {
        let color = fill ? state.fillColor : state.strokeColor
        // A thin filled box is drawn as a line by many producers.
        if fill, rect.height <= 2, rect.width > rect.height {
            addRuling(
                Ruling(
                    x0: rect.x,
                    y0: rect.midY,
                    x1: rect.maxX,
                    y1: rect.midY,
                    lineWidth: rect.height,
                    red: color.0,
                    green: color.1,
                    blue: color.2
                )
            )
            return
        }
        if fill, rect.width <= 2, rect.height > rect.width {
            addRuling(
                Ruling(
                    x0: rect.midX,
                    y0: rect.y,
                    x1: rect.midX,
                    y1: rect.maxY,
                    lineWidth: rect.width,
                    red: color.0,
                    green: color.1,
                    blue: color.2
                )
            )
            return
        }
        if stroke {
            let corners = [
                (rect.x, rect.y), (rect.maxX, rect.y), (rect.maxX, rect.maxY), (rect.x, rect.maxY), (rect.x, rect.y),
            ]
            for index in 1..<corners.count {
                addLine(corners[index - 1], corners[index], lineWidth: lineWidth, color: state.strokeColor)
            }
        }
        guard rects.count < limits.maxPathSegmentsPerPage else { return }
        rects.append(
            FilledRect(rect: rect, isFilled: fill, isStroked: stroke, red: color.0, green: color.1, blue: color.2)
        )
    }

    private func addLine(
        _ start: (Double, Double),
        _ end: (Double, Double),
        lineWidth: Double,
        color: (Double, Double, Double)
    ) {
        let dx = abs(end.0 - start.0)
        let dy = abs(end.1 - start.1)
        guard max(dx, dy) >= 1, dx < 0.5 || dy < 0.5 else { return }
        addRuling(
            Ruling(
                x0: min(start.0, end.0),
                y0: min(start.1, end.1),
                x1: max(start.0, end.0),
                y1: max(start.1, end.1),
                lineWidth: lineWidth,
                red: color.0,
                green: color.1,
                blue: color.2
            )
        )
    }

    private func addRuling(_ ruling: Ruling) {
        guard rulings.count < limits.maxPathSegmentsPerPage else { return }
        rulings.append(ruling)
    }
}
