/// A value recognised in text: its kind, a normalized form and, for amounts, the ISO currency.
public struct SemanticValue: Sendable, Hashable {
    /// `date`, `amount`, `percent`, `email`, `url`, `iban`, `phone`, `vat-id`, and with a key saying so
    /// `invoice-number`, `order-number`, `postal-code`.
    public var kind: String
    /// ISO 8601 date, decimal amount with a dot (`1234.56`), percent number, lowercased e-mail, IBAN without spaces…
    public var normalized: String
    /// ISO 4217 currency of an amount.
    public var unit: String?
}

/// Rule-based recognition of typed values, with normalization. Unknown text stays untagged rather than guessed.
public enum SemanticTagger {
    /// The value `text` is as a whole (surrounding spaces and a trailing period aside), if any.
    public static func tag(_ text: String) -> SemanticValue? {
        var value = text.trimmingSpaces()
        if value.hasSuffix("."), !value.hasSuffix("..") { value.removeLast() }
        guard !value.isEmpty, value.utf8.count <= 240, value.count <= 60 else { return nil }
        // Every kind but e-mail addresses and URLs needs a digit: most words are refused without parsing.
        let hasDigit = value.utf8.contains { $0 &- 0x30 < 10 }
        if hasDigit, let date = date(value) { return date }
        if let link = email(value) ?? url(value) { return link }
        guard hasDigit else { return nil }
        return iban(value) ?? vatID(value) ?? percent(value) ?? amount(value) ?? phone(value)
    }

    /// What a label (a key/value key or a column header) says its values are; analysed once per label.
    public struct Label: Sendable, Hashable {
        var vat = false
        var invoice = false
        var order = false
        var postal = false
        var date = false

        public init(_ key: String?) {
            guard let key = key?.lowercased(), !key.isEmpty else { return }
            let words = Set(key.split(whereSeparator: { !$0.isLetter }).map(String.init))
            func says(_ phrases: [String]) -> Bool {
                phrases.contains { phrase in phrase.contains(" ") ? key.includes(phrase) : words.contains(phrase) }
            }
            vat = says(["vat", "ust", "tva", "iva", "btw", "mwst", "ustid", "uid", "gstin"])
            invoice = says([
                "invoice", "rechnung", "facture", "factura", "fattura", "bill", "rechnungsnummer", "rechnungsnr",
            ])
            order = says(["order", "bestellung", "bestellnummer", "commande", "auftrag", "po", "purchase order"])
            postal = says(["zip", "postcode", "plz", "postal", "postleitzahl", "cap", "cp", "zip code"])
            date = says(["date", "datum", "due"])
        }

        var isEmpty: Bool { !(vat || invoice || order || postal) }
    }

    /// Tags a value knowing its label: identifiers that look like any other number — invoice and order numbers,
    /// postal codes — are recognised only when the label says what they are.
    public static func tag(_ text: String, key: String?) -> SemanticValue? {
        tag(text, label: Label(key))
    }

    /// Tags a value with a label analysed beforehand (a table column's header, for every cell of the column).
    public static func tag(_ text: String, label: Label) -> SemanticValue? {
        guard !label.isEmpty else { return tag(text) }
        let value = text.trimmingSpaces()
        if !value.isEmpty, value.count <= 40 {
            let identifier =
                value.contains(where: \.isNumber) && !value.contains(" ")
                && value.allSatisfy { $0.isLetter || $0.isNumber || "-/._#".contains($0) }
            if identifier, label.vat,
                let vat = vatID(value)
                    ?? (value.count >= 8
                        ? SemanticValue(
                            kind: "vat-id",
                            normalized: value.uppercased().filter { $0.isLetter || $0.isNumber }
                        )
                        : nil)
            {
                return vat
            }
            if identifier, label.invoice, !label.date, date(value) == nil {
                return SemanticValue(kind: "invoice-number", normalized: value)
            }
            if identifier, label.order, !label.date, date(value) == nil {
                return SemanticValue(kind: "order-number", normalized: value)
            }
            if label.postal, let postal = postalCode(value) { return postal }
        }
        return tag(text)
    }

    /// EU VAT numbers: a member state's prefix and its digit pattern (`DE123456789`, `FR12345678901`,
    /// `ATU12345678`, `GB123456789`).
    static func vatID(_ text: String) -> SemanticValue? {
        let compact = text.filter { $0 != " " && $0 != "." && $0 != "-" }.uppercased()
        guard compact.count >= 10, compact.count <= 14,
            compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { return nil }
        let prefix = String(compact.prefix(2))
        let rest = compact.dropFirst(2)
        let digits: [String: [Int]] = [
            "DE": [9], "AT": [9], "BE": [10], "DK": [8], "FI": [8], "FR": [11], "GB": [9, 12], "IT": [11], "LU": [8],
            "NL": [12], "PL": [10], "PT": [9], "SE": [12], "ES": [9], "CZ": [8, 9, 10], "IE": [8, 9], "SI": [8],
            "SK": [10], "HU": [8], "EL": [9], "RO": [10], "BG": [9, 10], "HR": [11], "LT": [9, 12], "LV": [11],
            "EE": [9], "CY": [9], "MT": [8], "CH": [9],
        ]
        guard let lengths = digits[prefix], lengths.contains(rest.count) else { return nil }
        // Austria's numbers start with U; Spain, Ireland and Cyprus allow letters at one end; others are digits.
        let body = prefix == "AT" && rest.first == "U" ? rest.dropFirst() : rest
        let letters = body.filter(\.isLetter).count
        guard
            prefix == "AT"
                ? body.count == 8 && letters == 0
                : letters <= (["ES", "IE", "CY", "FR", "NL", "GB"].contains(prefix) ? 2 : 0),
            body.filter(\.isNumber).count >= 7
        else { return nil }
        return SemanticValue(kind: "vat-id", normalized: compact)
    }

    /// Postal codes of the common shapes: `12345`, `12345-6789`, `1234`, `123 45`, `SW1A 1AA`, `75008`.
    static func postalCode(_ text: String) -> SemanticValue? {
        let value = text.trimmingSpaces().uppercased()
        let compact = value.filter { $0 != " " && $0 != "-" }
        guard (3...9).contains(compact.count), compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
            compact.contains(where: \.isNumber)
        else { return nil }
        return SemanticValue(kind: "postal-code", normalized: value)
    }

    // MARK: - Dates

    private static let months: [String: Int] = {
        var table: [String: Int] = [:]
        let names: [[String]] = [
            ["january", "jan", "januar", "jänner", "janvier", "janv", "januari", "enero", "gennaio"],
            ["february", "feb", "februar", "février", "févr", "februari", "febrero", "febbraio"],
            ["march", "mar", "märz", "mars", "maart", "marzo", "mrz"],
            ["april", "apr", "avril", "abril", "aprile"],
            ["may", "mai", "mei", "mayo", "maggio"],
            ["june", "jun", "juni", "juin", "junio", "giugno"],
            ["july", "jul", "juli", "juillet", "juil", "julio", "luglio"],
            ["august", "aug", "août", "augustus", "agosto"],
            ["september", "sep", "sept", "septembre", "septiembre", "settembre"],
            ["october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre"],
            ["november", "nov", "novembre", "noviembre"],
            ["december", "dec", "dezember", "dez", "décembre", "déc", "diciembre", "dicembre"],
        ]
        for (index, list) in names.enumerated() { for name in list { table[name] = index + 1 } }
        return table
    }()

    static func date(_ text: String) -> SemanticValue? {
        // A date is one token with two separators (2024-03-01, 01.03.2024) or three words (1 March 2024).
        var separators = 0
        var breaks = 0
        for byte in text.utf8 {
            switch byte {
            case 0x2D, 0x2E, 0x2F: separators += 1
            case 0x20, 0x2C: breaks += 1
            default: break
            }
        }
        guard separators >= 2 || breaks >= 2 else { return nil }
        let lower = text.lowercased()
        // Split on scalars: splitting characters runs grapheme breaking on every cell.
        let scalars = lower.unicodeScalars
        let tokens = scalars.split(whereSeparator: { $0 == " " || $0 == "," }).map {
            String(String.UnicodeScalarView($0)).trimmingDots()
        }
        var day: Int?
        var month: Int?
        var year: Int?
        if tokens.count == 1 {
            let parts = scalars.split(whereSeparator: { $0 == "-" || $0 == "." || $0 == "/" }).map {
                String(String.UnicodeScalarView($0))
            }
            guard parts.count == 3 else { return nil }
            if parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) {
                (year, month, day) = (y, m, d)
            } else if let y = Int(parts[2]), parts[2].count == 4 || parts[2].count == 2 {
                let fullYear = parts[2].count == 2 ? 2000 + y : y
                if let monthName = months[parts[1]], let d = Int(parts[0]) {
                    (year, month, day) = (fullYear, monthName, d)
                } else if let a = Int(parts[0]), let b = Int(parts[1]) {
                    // Day first, unless the first number cannot be a day… of a month ≤ 12 (US order).
                    if a > 12 || lower.utf8.contains(0x2E) || lower.utf8.contains(0x2D) {
                        (year, month, day) = (fullYear, b, a)
                    } else if b > 12 {
                        (year, month, day) = (fullYear, a, b)
                    } else {
                        (year, month, day) = (fullYear, b, a)
                    }
                }
            }
        } else if tokens.count == 3 {
            if let d = Int(tokens[0]), let m = months[tokens[1]], let y = Int(tokens[2]) {
                (year, month, day) = (y, m, d)
            } else if let m = months[tokens[0]], let d = Int(tokens[1]), let y = Int(tokens[2]) {
                (year, month, day) = (y, m, d)
            }
        }
        guard let day, let month, let year, (1...12).contains(month), (1900...2199).contains(year) else { return nil }
        let lengths = [
            31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
        ]
        guard (1...lengths[month - 1]).contains(day) else { return nil }
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return SemanticValue(kind: "date", normalized: "\(year)-\(pad(month))-\(pad(day))")
    }

    // MARK: - Amounts and percentages

    private static let currencies: [(String, String)] = [
        ("€", "EUR"), ("eur", "EUR"), ("$", "USD"), ("usd", "USD"), ("£", "GBP"), ("gbp", "GBP"), ("chf", "CHF"),
        ("fr.", "CHF"), ("zł", "PLN"), ("pln", "PLN"), ("¥", "JPY"), ("jpy", "JPY"), ("sek", "SEK"), ("nok", "NOK"),
        ("dkk", "DKK"), ("czk", "CZK"), ("kč", "CZK"), ("inr", "INR"), ("₹", "INR"), ("rs.", "INR"), ("cad", "CAD"),
        ("aud", "AUD"),
    ]

    static func amount(_ text: String) -> SemanticValue? {
        var rest = text.lowercased().trimmingSpaces()
        var unit: String?
        for (symbol, code) in currencies {
            if rest.hasPrefix(symbol) {
                rest = String(rest.dropFirst(symbol.count)).trimmingSpaces()
                unit = code
                break
            }
            if rest.hasSuffix(symbol) {
                rest = String(rest.dropLast(symbol.count)).trimmingSpaces()
                unit = code
                break
            }
        }
        guard let number = decimal(rest) else { return nil }
        guard unit != nil || rest.contains(where: { $0 == "," || $0 == "." }) else { return nil }
        return SemanticValue(kind: "amount", normalized: number, unit: unit)
    }

    static func percent(_ text: String) -> SemanticValue? {
        guard text.hasSuffix("%") else { return nil }
        guard let number = decimal(String(text.dropLast()).trimmingSpaces()) else { return nil }
        return SemanticValue(kind: "percent", normalized: number)
    }

    /// `1.234,56`, `1,234.56`, `1 234,56`, `1'234.50`, `-12` → a dot-decimal string; nil when not a number.
    static func decimal(_ raw: String) -> String? {
        var text = raw.filter { $0 != " " && $0 != "\u{A0}" && $0 != "\u{202F}" && $0 != "'" && $0 != "’" }
        var negative = false
        if text.hasPrefix("-") || text.hasPrefix("−") {
            negative = true
            text.removeFirst()
        }
        guard let first = text.first, first.isNumber,
            text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") })
        else { return nil }
        var integer = text
        var fraction = ""
        if let last = text.lastIndex(where: { $0 == "," || $0 == "." }) {
            let after = text[text.index(after: last)...]
            let separatorCount = text.filter { $0 == text[last] }.count
            if after.count != 3
                || separatorCount == 1 && text.contains(where: { ($0 == "," || $0 == ".") && $0 != text[last] })
            {
                integer = String(text[..<last])
                fraction = String(after)
            }
        }
        integer = integer.filter(\.isNumber)
        guard !integer.isEmpty, fraction.allSatisfy(\.isNumber) else { return nil }
        let trimmed = String(integer.drop { $0 == "0" })
        return (negative ? "-" : "") + (trimmed.isEmpty ? "0" : trimmed) + (fraction.isEmpty ? "" : "." + fraction)
    }

    // MARK: - Identifiers

    static func email(_ text: String) -> SemanticValue? {
        let parts = text.split(separator: "@")
        guard parts.count == 2, !text.contains(" "), parts[1].contains("."), !parts[0].isEmpty,
            parts[1].split(separator: ".").allSatisfy({ !$0.isEmpty })
        else { return nil }
        return SemanticValue(kind: "email", normalized: text.lowercased())
    }

    static func url(_ text: String) -> SemanticValue? {
        let lower = text.lowercased()
        guard !text.contains(" "), lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.")
        else { return nil }
        return SemanticValue(kind: "url", normalized: lower.hasPrefix("www.") ? "https://" + text : text)
    }

    /// An IBAN whose check digits are right (ISO 13616 mod 97).
    static func iban(_ text: String) -> SemanticValue? {
        let compact = text.filter { $0 != " " }.uppercased()
        guard (15...34).contains(compact.count), compact.prefix(2).allSatisfy(\.isLetter),
            compact.dropFirst(2).prefix(2).allSatisfy(\.isNumber),
            compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { return nil }
        let rearranged = compact.dropFirst(4) + compact.prefix(4)
        var remainder = 0
        for character in rearranged {
            let value = character.isNumber ? Int(String(character))! : Int(character.asciiValue! - 55)
            remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97
        }
        guard remainder == 1 else { return nil }
        return SemanticValue(kind: "iban", normalized: compact)
    }

    static func phone(_ text: String) -> SemanticValue? {
        guard text.hasPrefix("+") || text.hasPrefix("(") || text.hasPrefix("0") else { return nil }
        guard text.allSatisfy({ $0.isNumber || " +-()/.".contains($0) }) else { return nil }
        let digits = text.filter(\.isNumber)
        guard (8...15).contains(digits.count), text.contains(" ") || text.contains("-") || text.hasPrefix("+") else {
            return nil
        }
        return SemanticValue(kind: "phone", normalized: (text.hasPrefix("+") ? "+" : "") + digits)
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var result = Substring(self)
        while let first = result.first, first.isWhitespace { result.removeFirst() }
        while let last = result.last, last.isWhitespace { result.removeLast() }
        return String(result)
    }

    fileprivate func trimmingDots() -> String {
        hasSuffix(".") ? String(dropLast()) : self
    }
}
