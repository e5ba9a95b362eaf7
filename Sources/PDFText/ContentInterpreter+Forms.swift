/// Marked content (`/ActualText`) and Form XObjects.
extension ContentInterpreter {
    // MARK: - Marked content

    func actualText(_ operand: Operand?, resources: ResourceScope) -> String? {
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

    func replaceWithActualText(from start: Int, text: String) {
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

    func drawXObject(_ name: String, resources: ResourceScope) throws {
        guard let entry = resources.xObjects?[name], case .reference(let id) = entry,
            case .stream(let dictionary, _) = document.resolve(entry)
        else { return }
        if dictionary["Subtype"]?.name == "Image" {
            // Recorded for OCR (a page without text under a scan); a page drawing thousands is no scan.
            guard images.count < 256, let width = document.resolve(dictionary["Width"]).int,
                let height = document.resolve(dictionary["Height"]).int, PlacedImage.recordedSides.contains(width),
                PlacedImage.recordedSides.contains(height), state.ctm.isFinite
            else { return }
            images.append(PlacedImage(object: id, matrix: state.ctm, pixelWidth: width, pixelHeight: height))
            return
        }
        guard dictionary["Subtype"]?.name == "Form" else { return }
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
