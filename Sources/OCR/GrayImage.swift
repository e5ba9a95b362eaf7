import COCR
import PDFText

/// An 8-bit grey image, rows top to bottom: what the recogniser reads.
struct GrayImage: Sendable {
    var width: Int
    var height: Int
    var pixels: [UInt8]

    /// The largest image read (about a 300 dpi A0 scan); larger ones are not recognised.
    static let maxPixels = 140_000_000

    /// The image's samples as grey levels: RGB by luminance, CMYK by ink coverage, palettes looked up, bit depths
    /// scaled to 0…255, inverted decode arrays and masks turned around. Nil for a layout the samples cannot have.
    init?(_ samples: ImageSamples) {
        let (width, height, bits, components) =
            (samples.width, samples.height, samples.bitsPerComponent, samples.components)
        guard width * height <= Self.maxPixels else { return nil }
        guard samples.encoding == .decoded else {
            self.init(encoded: samples)
            return
        }
        let rowBytes = (width * components * bits + 7) / 8
        // A grey scan, the common case, is its samples as they are.
        if bits == 8, components == 1, samples.palette == nil, samples.data.count >= width * height {
            var pixels = Array(samples.data.prefix(width * height))
            if samples.inverted { pixels = pixels.map { 255 - $0 } }
            self.init(width: width, height: height, pixels: pixels)
            return
        }
        let maxValue = (1 << min(bits, 8)) - 1
        var pixels = [UInt8](repeating: 0, count: width * height)
        samples.data.withUnsafeBufferPointer { data in
            func sample(_ row: Int, _ index: Int) -> Int {
                switch bits {
                case 8: return Int(data[row * rowBytes + index])
                case 16: return Int(data[row * rowBytes + index * 2])
                default:
                    let bit = index * bits
                    let byte = Int(data[row * rowBytes + bit / 8])
                    return (byte >> (8 - bits - bit % 8)) & maxValue
                }
            }
            for row in 0..<height {
                for column in 0..<width {
                    var level: Int
                    if let palette = samples.palette {
                        let entry = sample(row, column) * 3
                        level =
                            entry + 2 < palette.count
                            ? (299 * Int(palette[entry]) + 587 * Int(palette[entry + 1]) + 114 * Int(palette[entry + 2]))
                                / 1000 : 0
                    } else {
                        let base = column * components
                        let scale = { (value: Int) in bits >= 8 ? value : value * 255 / maxValue }
                        switch components {
                        case 3:
                            level =
                                (299 * scale(sample(row, base)) + 587 * scale(sample(row, base + 1)) + 114
                                    * scale(sample(row, base + 2))) / 1000
                        case 4:
                            let ink =
                                (30 * scale(sample(row, base)) + 59 * scale(sample(row, base + 1)) + 11
                                    * scale(sample(row, base + 2))) / 100 + scale(sample(row, base + 3))
                            level = 255 - min(255, ink)
                        default:
                            level = scale(sample(row, base))
                        }
                        if samples.inverted { level = 255 - level }
                    }
                    pixels[row * width + column] = UInt8(clamping: level)
                }
            }
        }
        self.init(width: width, height: height, pixels: pixels)
    }

    /// CCITT fax and JPEG 2000 samples decoded by Leptonica (libtiff, OpenJPEG). A JPEG 2000 stream whose header
    /// declares another size than the image's dictionary is not decoded (its size is what the pixel bound checked).
    private init?(encoded samples: ImageSamples) {
        let (width, height) = (samples.width, samples.height)
        var pixels = [UInt8](repeating: 255, count: width * height)
        let status = samples.data.withUnsafeBufferPointer { data -> Int32 in
            pixels.withUnsafeMutableBufferPointer { gray in
                switch samples.encoding {
                case .decoded:
                    return -1
                case .ccitt(let k, let blackIs1):
                    return skillspool_image_ccitt(
                        data.baseAddress,
                        data.count,
                        Int32(width),
                        Int32(height),
                        Int32(clamping: k),
                        blackIs1 ? 1 : 0,
                        gray.baseAddress
                    )
                case .jpx:
                    var (declaredWidth, declaredHeight): (Int32, Int32) = (0, 0)
                    guard skillspool_image_jpx_size(data.baseAddress, data.count, &declaredWidth, &declaredHeight) == 0,
                        Int(declaredWidth) == width, Int(declaredHeight) == height
                    else { return -1 }
                    return skillspool_image_jpx(
                        data.baseAddress,
                        data.count,
                        Int32(width),
                        Int32(height),
                        gray.baseAddress
                    )
                }
            }
        }
        guard status == 0 else { return nil }
        if samples.inverted { pixels = pixels.map { 255 - $0 } }
        self.init(width: width, height: height, pixels: pixels)
    }

    init(width: Int, height: Int, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The image reduced by a whole `factor` in both directions, each pixel the mean of the block it covers.
    func reduced(by factor: Int) -> GrayImage {
        guard factor > 1 else { return self }
        let (newWidth, newHeight) = (width / factor, height / factor)
        var reduced = [UInt8](repeating: 0, count: newWidth * newHeight)
        let area = factor * factor
        for row in 0..<newHeight {
            for column in 0..<newWidth {
                var sum = 0
                for y in (row * factor)..<(row * factor + factor) {
                    let start = y * width + column * factor
                    for x in start..<(start + factor) { sum += Int(pixels[x]) }
                }
                reduced[row * newWidth + column] = UInt8(sum / area)
            }
        }
        return GrayImage(width: newWidth, height: newHeight, pixels: reduced)
    }

    /// The part of the image inside `rect`, framed by `border` white pixels on every side (Tesseract reads a line
    /// better with some paper around it).
    func cropped(to rect: PixelRect, border: Int) -> GrayImage {
        let left = max(0, rect.left)
        let top = max(0, rect.top)
        let right = min(width, rect.right)
        let bottom = min(height, rect.bottom)
        let (cropWidth, cropHeight) = (max(0, right - left) + 2 * border, max(0, bottom - top) + 2 * border)
        var pixels = [UInt8](repeating: 255, count: cropWidth * cropHeight)
        if right > left {
            for row in top..<bottom {
                let target = (row - top + border) * cropWidth + border
                let source = row * width + left
                for offset in 0..<(right - left) { pixels[target + offset] = self.pixels[source + offset] }
            }
        }
        return GrayImage(width: cropWidth, height: cropHeight, pixels: pixels)
    }
}
