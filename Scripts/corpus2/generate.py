#!/usr/bin/env python3
"""A second, independent corpus generator: documents written as HTML by this script and printed to PDF by other
tools than the first generator's (headless Chromium, LibreOffice Writer), in English, German, French, Dutch,
Spanish and Italian, with truth by construction in the shared corpora's formats (doctype, headings, blocks with
key/values, tables with spans, segments of bundles, substrings).

    python3 Scripts/corpus2/generate.py --out .build/corpus2 --seed 1 --count 60 [--renderer chromium|libreoffice|both]

Families: handbook (policy handbook), datasheet, bank statement, card statement, lease, licence, receipt (grocery,
fuel, pharmacy, hardware), invoice, statistics (group label rows and spanning year headers), bundle (2-4 of the
others). Every page is forced with a page break and holds little enough to fit, so the page of every heading and
table is known; `--check` (on by default) confirms it with pdftotext and fails on any mismatch.
"""
import argparse, html, json, os, random, re, shutil, subprocess, sys, tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from vocabulary import *  # noqa: E402,F403


def esc(text):
    return html.escape(text, quote=True)


def money(value, lang):
    whole, cents = divmod(round(value * 100), 100)
    grouped = f"{whole:,}"
    if lang == "en":
        return f"{grouped}.{cents:02d}"
    return grouped.replace(",", "." if lang in ("de", "nl", "es", "it") else "\u202f") + f",{cents:02d}"


def day(rng, lang, year=2024):
    month, dom = rng.randint(1, 12), rng.randint(1, 28)
    if lang == "en":
        return f"{dom:02d}/{month:02d}/{year}", (year, month, dom)
    if lang in ("de",):
        return f"{dom:02d}.{month:02d}.{year}", (year, month, dom)
    if lang == "nl":
        return f"{dom:02d}-{month:02d}-{year}", (year, month, dom)
    return f"{dom:02d}/{month:02d}/{year}", (year, month, dom)


def iban(rng, lang):
    country = {"en": "GB", "de": "DE", "fr": "FR", "nl": "NL", "es": "ES", "it": "IT"}[lang]
    return country + f"{rng.randint(10, 99)}" + "".join(str(rng.randint(0, 9)) for _ in range(18))


class Doc:
    """One document being written: pages of HTML and the truth collected while writing them."""

    def __init__(self, lang, family, doctype, subtype):
        self.lang, self.family = lang, family
        self.type, self.subtype = doctype, subtype
        self.pages = [[]]
        self.title = None
        self.headings, self.blocks, self.tables, self.substrings = [], [], [], []
        self.segments = []
        # The same content as Markdown and as plain text (`--sources`), written alongside the HTML.
        self.markdown, self.text = [], []

    @property
    def page(self):
        return len(self.pages)

    def new_page(self):
        if self.pages[-1]:
            self.pages.append([])

    def add(self, markup):
        self.pages[-1].append(markup)

    def set_title(self, text, subtitle=None):
        if self.title is None:
            self.title = text
        self.add(f'<h1 class="title">{esc(text)}</h1>')
        self.markdown.append(f"# {md_escape(text)}")
        self.text.append(f"{text}\n{'=' * len(text)}")
        self.blocks.append({"kind": "title", "text": text, "page": self.page})
        self.substrings.append({"text": text, "why": "title"})
        if subtitle:
            self.add(f'<p class="subtitle">{esc(subtitle)}</p>')
            self.markdown.append(md_escape(subtitle))
            self.text.append(subtitle)
            self.blocks.append({"kind": "subtitle", "text": subtitle, "page": self.page})

    def heading(self, level, text):
        tag = {1: "h2", 2: "h3", 3: "h4"}[level]
        self.add(f"<{tag}>{esc(text)}</{tag}>")
        self.markdown.append("#" * (level + 1) + " " + md_escape(text))
        self.text.append(f"{text}\n{'-' * len(text)}" if level == 1 else f"{text}\n{'~' * len(text)}")
        self.headings.append({"level": level, "text": text, "page": self.page})
        self.blocks.append({"kind": "heading", "level": level, "text": text, "page": self.page})
        self.substrings.append({"text": text, "why": "heading"})

    def paragraph(self, text):
        self.add(f"<p>{esc(text)}</p>")
        self.markdown.append(md_escape(text))
        self.text.append(text)
        self.blocks.append({"kind": "paragraph", "text": text, "page": self.page})

    def lines(self, texts, css="address"):
        self.add(f'<p class="{css}">' + "<br>".join(esc(t) for t in texts) + "</p>")
        self.markdown.append("\\\n".join(md_escape(t) for t in texts))
        self.text.append("\n".join(texts))
        for text in texts:
            self.blocks.append({"kind": "text", "text": text, "page": self.page})

    def key_values(self, pairs):
        rows = "".join(f'<div class="kv"><span class="k">{esc(k)}:</span> {esc(v)}</div>' for k, v in pairs)
        self.add(f'<div class="kvs">{rows}</div>')
        self.markdown.append("\n".join(f"- **{md_escape(k)}:** {md_escape(v)}" for k, v in pairs))
        self.text.append("\n".join(f"{k}: {v}" for k, v in pairs))
        for key, value in pairs:
            self.blocks.append({"kind": "kv", "key": key, "value": value, "page": self.page})

    def bullets(self, items):
        self.add("<ul>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>")
        self.markdown.append("\n".join(f"- {md_escape(i)}" for i in items))
        self.text.append("\n".join(f"* {i}" for i in items))
        for item in items:
            self.blocks.append({"kind": "list-item", "marker": "•", "level": 1, "ordered": False, "text": item,
                                "page": self.page})

    def table(self, header_rows, body, footer=(), caption=None, style="ruled", indented=(), small=False):
        """header_rows/body/footer: rows of cells; a cell is a string or (text, rowspan, colspan). `indented`: body
        rows whose first cell is indented (members under a group label); `small`: 8.5 pt type for wide tables."""
        if caption:
            self.add(f'<p class="caption">{esc(caption)}</p>')
            self.markdown.append(md_escape(caption))
            self.text.append(caption)
            self.blocks.append({"kind": "caption", "text": caption, "page": self.page})
        all_rows = list(header_rows) + list(body) + list(footer)
        width = sum(c[2] if isinstance(c, tuple) else 1 for c in all_rows[0])
        grid = [["" for _ in range(width)] for _ in all_rows]
        taken = [[False] * width for _ in all_rows]
        spans = []
        markup = [f'<table class="{style}{" small" if small else ""}">']
        indented_rows = {len(header_rows) + i for i in indented}
        for r, row in enumerate(all_rows):
            section = "th" if r < len(header_rows) else "td"
            cells = []
            c = 0
            for cell in row:
                text, rowspan, colspan = cell if isinstance(cell, tuple) else (cell, 1, 1)
                while c < width and taken[r][c]:
                    c += 1
                grid[r][c] = text
                for dr in range(rowspan):
                    for dc in range(colspan):
                        taken[r + dr][c + dc] = True
                if rowspan > 1 or colspan > 1:
                    spans.append([r, c, rowspan, colspan])
                attrs = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{colspan}"' if colspan > 1 else "")
                group = ' class="group"' if colspan == width and r >= len(header_rows) else ""
                if c == 0 and r in indented_rows:
                    group = ' class="indent"'
                cells.append(f"<{section}{attrs}{group}>{esc(text)}</{section}>")
                c += colspan
            markup.append("<tr>" + "".join(cells) + "</tr>")
        markup.append("</table>")
        self.add("".join(markup))
        # Markdown: a pipe table when nothing spans (its first row the header), else the HTML table itself.
        if spans or len(header_rows) != 1:
            self.markdown.append("".join(markup))
        else:
            rows = ["| " + " | ".join(md_escape(c) or " " for c in row) + " |" for row in grid]
            self.markdown.append("\n".join([rows[0], "|" + " --- |" * width] + rows[1:]))
        self.text.append("\n".join("\t".join(row) for row in grid))
        table_id = len({t["table_id"] for t in self.tables}) + 1
        self.tables.append({"page": self.page, "grid": grid, "header_rows": len(header_rows),
                            "footer_rows": len(footer), "spans": spans, "table_id": table_id, "continued": False,
                            "style": style, "caption": caption})
        self.blocks.append({"kind": "table", "table_id": table_id, "page": self.page})


def md_escape(text):
    """Text as Markdown shows it literally: the characters that would start markup escaped."""
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text)


def w(key, lang, **fill):
    text = WORDS[key][lang]
    return text.format(**fill) if fill else text


# ---- families ---------------------------------------------------------------------------------------------------

def invoice(doc, rng, lang):
    vendor = rng.choice(COMPANIES[lang])
    doc.lines([vendor, CITIES[lang]], "vendor")
    doc.set_title(w("invoice", lang))
    number = f"{rng.choice(['INV', 'RE', 'FA', 'F'])}-{rng.randint(2023, 2025)}-{rng.randint(100, 9999):04d}"
    issued, _ = day(rng, lang)
    due, _ = day(rng, lang, 2025)
    doc.key_values([(w("invoice_number", lang), number), (w("date", lang), issued), (w("due_date", lang), due),
                    (w("customer_number", lang), f"K{rng.randint(10000, 99999)}")])
    customer = rng.choice([c for c in COMPANIES[lang] if c != vendor])
    doc.lines([w("bill_to", lang), customer, CITIES[rng.choice(LANGUAGES)]])
    rows, subtotal = [], 0.0
    items = rng.sample(DATASHEET["products"][lang] + DATASHEET["features"][lang], rng.randint(2, 5))
    for item in items:
        qty, price = rng.randint(1, 9), rng.randint(500, 90000) / 100
        subtotal += qty * price
        rows.append([item, str(qty), money(price, lang), money(qty * price, lang)])
    rate = {"en": 20, "de": 19, "fr": 20, "nl": 21, "es": 21, "it": 22}[lang]
    tax = round(subtotal * rate / 100, 2)
    currency = CURRENCY[lang]
    footer = [["", "", w("subtotal", lang), money(subtotal, lang)],
              ["", "", f"{w('vat', lang)} {rate} %", money(tax, lang)],
              ["", "", w("total", lang), f"{currency} {money(subtotal + tax, lang)}"]]
    doc.table([[w("description", lang), w("quantity", lang), w("unit_price", lang), w("amount", lang)]], rows,
              footer, style=rng.choice(["ruled", "lined", "plain"]))
    doc.paragraph(w("payment_terms", lang, days=rng.choice([14, 30])))
    doc.key_values([("IBAN", iban(rng, lang)), ("BIC", "".join(rng.choice("ABCDEFGHKLMNPRSTUVWXYZ") for _ in range(8)))])


def receipt(doc, rng, lang, trade):
    vendor = rng.choice(COMPANIES[lang])
    doc.lines([vendor, CITIES[lang]], "vendor")
    doc.set_title(w("receipt", lang))
    issued, _ = day(rng, lang)
    doc.key_values([(w("date", lang), f"{issued} {rng.randint(7, 21):02d}:{rng.randint(0, 59):02d}"),
                    (w("receipt_number", lang), str(rng.randint(1000, 99999))),
                    (w("cashier", lang), str(rng.randint(1, 9)))])
    rows, total = [], 0.0
    for item in rng.sample(RECEIPT_TRADES[trade][lang], min(len(RECEIPT_TRADES[trade][lang]), rng.randint(2, 5))):
        price = rng.randint(99, 6000) / 100
        total += price
        rows.append([item, money(price, lang)])
    doc.table([], rows, [[w("total", lang), f"{CURRENCY[lang]} {money(total, lang)}"]], style="plain")
    doc.lines([w("paid_card", lang), w("thanks", lang)])


def statement(doc, rng, lang, card):
    bank = rng.choice(["Banca Nord", "Stadtsparkasse", "Crédit Régional", "Rabo Regio", "Banco Central", "City Bank"])
    doc.lines([bank, CITIES[lang]], "vendor")
    doc.set_title(w("card_statement" if card else "statement", lang))
    start, (y, m, d) = day(rng, lang)
    holder = rng.choice(PEOPLE)
    if card:
        doc.key_values([(w("card_holder", lang), holder), (w("card_number", lang), f"**** **** **** {rng.randint(1000, 9999)}"),
                        (w("credit_limit", lang), money(rng.choice([2000, 5000, 8000]), lang)),
                        (w("period", lang), start)])
        rows, total = [], 0.0
        for _ in range(rng.randint(5, 12)):
            amount = rng.randint(500, 40000) / 100
            total += amount
            rows.append([day(rng, lang)[0], rng.choice(MERCHANTS), money(amount, lang)])
        doc.table([[w("date", lang), w("merchant", lang), w("amount", lang)]], rows,
                  [[w("new_balance", lang), "", money(total, lang)]], style=rng.choice(["ruled", "lined"]))
        doc.key_values([(w("minimum_payment", lang), money(round(total * 0.05, 2), lang))])
        return
    doc.key_values([(w("account_holder", lang), holder), ("IBAN", iban(rng, lang)), (w("period", lang), start),
                    (w("statement_number", lang), str(rng.randint(1, 52)))])
    balance = rng.randint(10000, 900000) / 100
    rows = [[start, w("opening_balance", lang), "", "", money(balance, lang)]]
    for _ in range(rng.randint(5, 12)):
        amount = rng.randint(500, 150000) / 100
        credit = rng.random() < 0.3
        balance += amount if credit else -amount
        rows.append([day(rng, lang)[0], rng.choice(TRANSACTIONS[lang]), "" if credit else money(amount, lang),
                     money(amount, lang) if credit else "", money(balance, lang)])
    doc.table([[w("booking_date", lang), w("description", lang), w("debit", lang), w("credit", lang),
                w("balance", lang)]], rows, [[w("closing_balance", lang), "", "", "", money(balance, lang)]],
              style=rng.choice(["ruled", "lined", "plain"]))


def contract(doc, rng, lang, kind):
    doc.set_title(w(kind, lang))
    first, second = rng.sample(PEOPLE + COMPANIES[lang], 2)
    roles = ("landlord", "tenant") if kind == "lease" else ("licensor", "licensee")
    doc.paragraph(f"{w('between', lang)} {first} ({w(roles[0], lang)}) {w('and', lang)} {second} ({w(roles[1], lang)})")
    word = ARTICLE_WORD[lang]
    for index, topic in enumerate(CONTRACT_ARTICLES[kind][lang], 1):
        if index == 4:
            doc.new_page()
        doc.heading(1, f"{word} {index} {topic}" if word == "§" else f"{word} {index} – {topic}")
        for sentence in CONTRACT_SENTENCES[lang]:
            doc.paragraph(sentence.format(topic=topic.lower()))
    doc.lines([f"{w('signature', lang)} {w(roles[0], lang)}: ____________",
               f"{w('signature', lang)} {w(roles[1], lang)}: ____________"])


def handbook(doc, rng, lang):
    company = rng.choice(COMPANIES[lang])
    doc.set_title(w("handbook", lang), f"{company} – {w('policies', lang)}")
    sections = HANDBOOK_SECTIONS[lang][: rng.randint(4, 5)]
    for index, (topic, subs) in enumerate(sections, 1):
        if index % 2 == 1 and index > 1:
            doc.new_page()
        doc.heading(1, f"{index} {topic}")
        doc.paragraph(rng.choice(POLICY_SENTENCES[lang]).format(topic=topic.lower()))
        for sub_index, sub in enumerate(subs, 1):
            doc.heading(2, f"{index}.{sub_index} {sub}")
            doc.paragraph(" ".join(s.format(topic=sub.lower()) for s in rng.sample(POLICY_SENTENCES[lang], 2)))
        if index == 2:
            doc.bullets([s.format(topic=topic.lower()) for s in POLICY_SENTENCES[lang][:3]])


def datasheet(doc, rng, lang):
    product = rng.choice(DATASHEET["products"][lang])
    model = f"{rng.choice(['XR', 'PT', 'FM', 'LV'])}-{rng.randint(100, 990)}"
    doc.set_title(f"{product} {model}", w("datasheet", lang))
    names = DATASHEET["sections"][lang]
    doc.heading(1, names[0])
    doc.paragraph(DATASHEET["overview"][lang].format(product=product, model=model))
    doc.heading(1, names[1])
    doc.bullets(DATASHEET["features"][lang])
    doc.new_page()
    doc.heading(1, names[2])
    body = []
    units = [["V DC", "mA", "mA"], ["g", "", ""], ["°C", ""]]
    values = [["10–30", "< 20", "4–20"], [str(rng.randint(80, 400)), "1.4404", "M12"], ["-25…+85", "IP67"]]
    for group, params, unit_row, value_row in zip(DATASHEET["groups"][lang], DATASHEET["parameters"][lang], units, values):
        body.append([(group, 1, 3)])
        body += [[p, v, u] for p, v, u in zip(params, value_row, unit_row)]
    doc.table([DATASHEET["header"][lang]], body, style=rng.choice(["ruled", "lined"]))
    doc.heading(1, names[3])
    doc.table([DATASHEET["order_header"][lang]],
              [[f"{model}-{r}", f"0–{r} bar", out] for r, out in zip((10, 25, 100), ("4–20 mA", "0–10 V", "4–20 mA"))],
              style="ruled")


def statistics(doc, rng, lang):
    topics = STATISTICS["topics"][lang]
    topic = rng.choice(topics)
    years = sorted(rng.sample(range(2015, 2024), 2))
    doc.set_title(f"{topic} {years[1]}", w("statistics", lang))
    sections = STATISTICS["sections"][lang]
    doc.heading(1, f"1 {sections[0]}")
    doc.paragraph(STATISTICS["sentence"][lang].format(topic=topic.lower(), a=years[0], b=years[1]))
    doc.heading(1, f"2 {sections[1]}")
    columns = STATISTICS["columns"][lang]
    header = [[(STATISTICS["characteristic"][lang], 2, 1)] + [(str(y), 1, len(columns)) for y in years],
              [c for _ in years for c in columns]]
    width = 1 + len(columns) * len(years)
    body = [[STATISTICS["all"][lang]] + [money(rng.randint(1000, 90000) / 10, "en") if i % 2 == 0 else
                                          f"{rng.randint(300, 900) / 10:.1f}" for i in range(width - 1)]]
    for group, members in STATISTICS["groups"][lang][: rng.randint(2, 3)]:
        body.append([(group, 1, width)])
        for member in members:
            body.append([member] + [money(rng.randint(1000, 90000) / 10, "en") if i % 2 == 0 else
                                    f"{rng.randint(300, 900) / 10:.1f}" for i in range(width - 1)])
    doc.table(header, body, caption=f"{w('table', lang)} 1: {topic}", style=rng.choice(["ruled", "lined", "plain"]))
    doc.new_page()
    wide_table(doc, rng, lang, years)
    doc.heading(1, f"3 {sections[2]}")
    doc.paragraph(STATISTICS["method"][lang])


def wide_table(doc, rng, lang, years):
    """A statistics office's table: three years, each spanning several measures, group label rows (some naming a
    group within a group), indented member rows, cells without data as a dash."""
    measures = STATISTICS["measures"][lang][: rng.randint(3, 4)]
    spans = sorted(set(years) | {years[0] - rng.randint(2, 5)})
    header = [[(STATISTICS["characteristic"][lang], 2, 1)] + [(str(y), 1, len(measures)) for y in spans],
              [m for _ in spans for m in measures]]
    width = 1 + len(measures) * len(spans)

    def values():
        return ["—" if rng.random() < 0.05 else (f"{rng.randint(10, 9999):,}" if i % len(measures) == 0
                else f"{rng.randint(100, 999) / 10:.1f}") for i in range(width - 1)]

    body, indented = [[STATISTICS["all"][lang]] + values()], []
    groups = STATISTICS["groups"][lang]
    for group, members in groups[: rng.randint(2, 3)]:
        body.append([(group, 1, width)])
        for member in members:
            indented.append(len(body))
            body.append([member] + values())
    outer, outer_members = groups[0]
    inner, inner_members = groups[1]
    label = f"{outer}, {STATISTICS['by'][lang]} {inner.lower()} — {outer_members[0]}"
    body.append([(label, 1, width)])
    for member in inner_members:
        indented.append(len(body))
        body.append([member] + values())
    doc.table(header, body, caption=f"{w('table', lang)} 2: {STATISTICS['characteristic'][lang]}",
              style=rng.choice(["lined", "plain", "plain"]), indented=indented, small=True)
    doc.paragraph(STATISTICS["note"][lang])


FAMILIES = {
    "handbook": ("manual", "policy-handbook", handbook),
    "datasheet": ("manual", "datasheet", datasheet),
    "bank-statement": ("statement", "bank-statement", lambda d, r, l: statement(d, r, l, False)),
    "card-statement": ("statement", "credit-card-statement", lambda d, r, l: statement(d, r, l, True)),
    "lease": ("contract", "lease", lambda d, r, l: contract(d, r, l, "lease")),
    "licence": ("contract", "licence", lambda d, r, l: contract(d, r, l, "licence")),
    "invoice": ("invoice", "standard", invoice),
    "statistics": ("report", "statistics", statistics),
}
for _trade in RECEIPT_TRADES:
    FAMILIES[f"receipt-{_trade}"] = ("receipt", _trade, lambda d, r, l, t=_trade: receipt(d, r, l, t))
BUNDLE_PARTS = ["invoice", "lease", "licence", "bank-statement", "card-statement", "receipt-grocery", "datasheet"]


def build(index, rng, family, lang):
    if family == "bundle":
        parts = rng.sample(BUNDLE_PARTS, rng.randint(2, 4))
        first_type, first_subtype, _ = FAMILIES[parts[0]]
        doc = Doc(lang, "bundle", first_type, "bundle")
        for part in parts:
            doctype, subtype, write = FAMILIES[part]
            doc.new_page()
            start = doc.page
            mark = len(doc.headings)
            write(doc, rng, lang)
            doc.segments.append({"pages": {"from": start, "to": doc.page}, "type": doctype, "subtype": subtype,
                                 "title": next(b["text"] for b in reversed(doc.blocks) if b["kind"] == "title")})
            del mark
        return doc
    doctype, subtype, write = FAMILIES[family]
    doc = Doc(lang, family, doctype, subtype)
    write(doc, rng, lang)
    return doc


STYLE = """
@page { size: A4; margin: 20mm 18mm; }
body { font-family: %(font)s; font-size: 10.5pt; color: #111; }
h1.title { font-size: 22pt; margin: 0 0 4mm 0; }
p.subtitle { font-size: 13pt; color: #444; margin: 0 0 6mm 0; }
h2 { font-size: 15pt; margin: 6mm 0 2mm 0; }
h3 { font-size: 12pt; margin: 4mm 0 1.5mm 0; }
p.caption { font-style: italic; margin: 4mm 0 1mm 0; }
p.vendor { font-weight: bold; }
div.kvs { margin: 3mm 0; }
table { border-collapse: collapse; margin: 2mm 0 4mm 0; }
td, th { padding: 1.2mm 3mm; text-align: left; vertical-align: top; }
th { font-weight: bold; }
td.group { font-weight: bold; font-style: italic; }
td.indent { padding-left: 7mm; }
table.small td, table.small th { font-size: 8.5pt; padding: 0.8mm 1.6mm; }
table.ruled td, table.ruled th { border: 0.6pt solid #333; }
table.lined th { border-bottom: 0.8pt solid #000; } table.lined td { border-bottom: 0.3pt solid #999; }
"""


def render_html(doc, font):
    pages = []
    for number, elements in enumerate(doc.pages, 1):
        body = "\n".join(elements)
        if number > 1:
            body = re.sub(r"^<(\w+)", lambda m: f'<{m.group(1)} style="page-break-before: always; break-before: page"',
                          body, count=1)
        pages.append(body)
    return (f'<!DOCTYPE html><html lang="{doc.lang}"><head><meta charset="utf-8"><title>{esc(doc.title or "")}</title>'
            f"<style>{STYLE % {'font': font}}</style></head><body>\n" + "\n".join(pages) + "\n</body></html>\n")


def print_pdf(renderer, html_path, pdf_path, scratch):
    if renderer == "chromium":
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--user-data-dir={scratch}/chromium", f"--print-to-pdf={pdf_path}", html_path.as_uri()],
                       check=True, capture_output=True, timeout=120)
    else:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{scratch}/lo", "--headless", "--convert-to",
                        "pdf:writer_pdf_Export", "--infilter=HTML (StarWriter)", "--outdir", str(scratch), str(html_path)],
                       check=True, capture_output=True, timeout=180)
        shutil.move(str(Path(scratch) / (html_path.stem + ".pdf")), pdf_path)


def write_sources(doc, html_path, stem, scratch):
    """The document as HTML (as written), Markdown, text, and Word converted from the HTML by LibreOffice."""
    shutil.copy(html_path, stem.with_suffix(".html"))
    stem.with_suffix(".md").write_text("\n\n".join(doc.markdown) + "\n", encoding="utf-8")
    stem.with_suffix(".txt").write_text("\n\n".join(doc.text) + "\n", encoding="utf-8")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{scratch}/lo", "--headless", "--convert-to",
                    "docx:MS Word 2007 XML", "--infilter=HTML (StarWriter)", "--outdir", str(scratch), str(html_path)],
                   check=True, capture_output=True, timeout=180)
    shutil.move(str(Path(scratch) / (html_path.stem + ".docx")), stem.with_suffix(".docx"))


def page_texts(pdf):
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True)
    return [re.sub(r"\s+", " ", p) for p in out.stdout.split("\f")[:-1]]


def check(doc, pdf):
    """The page of every title, heading and table as constructed is the page pdftotext finds it on."""
    pages = page_texts(pdf)
    problems = []
    if len(pages) != len(doc.pages):
        problems.append(f"{len(pages)} pages printed, {len(doc.pages)} constructed")
    probes = [(b["text"], b["page"]) for b in doc.blocks if b["kind"] in ("title", "heading")]
    probes += [(next(c for row in t["grid"] for c in row if c), t["page"]) for t in doc.tables]
    for text, page in probes:
        flat = re.sub(r"\s+", " ", text)
        if page > len(pages) or flat not in pages[page - 1]:
            found = [i + 1 for i, p in enumerate(pages) if flat in p]
            problems.append(f"'{text}' constructed on page {page}, printed on {found}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--renderer", choices=["chromium", "libreoffice", "both"], default="both")
    parser.add_argument("--families", help="comma-separated subset of: " + ", ".join(list(FAMILIES) + ["bundle"]))
    parser.add_argument("--no-check", action="store_true")
    parser.add_argument("--sources", action="store_true",
                        help="write each document as HTML, Markdown, text and Word (LibreOffice) instead of PDF")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    families = args.families.split(",") if args.families else list(FAMILIES) + ["bundle", "bundle"]
    renderers = ["chromium", "libreoffice"] if args.renderer == "both" else [args.renderer]
    failures = 0
    with tempfile.TemporaryDirectory() as scratch:
        for index in range(1, args.count + 1):
            rng = random.Random(f"{args.seed}-{index}")
            family = families[(index - 1) % len(families)] if index <= len(families) else rng.choice(families)
            lang = LANGUAGES[(index + args.seed) % len(LANGUAGES)]
            renderer = renderers[index % len(renderers)]
            doc = build(index, rng, family, lang)
            name = f"c{args.seed}-{index:03d}-{family}-{lang}"
            html_path = Path(scratch) / f"{name}.html"
            html_path.write_text(render_html(doc, rng.choice(["'DejaVu Sans'", "'Liberation Serif'", "'Liberation Sans'"])),
                                 encoding="utf-8")
            if args.sources:
                write_sources(doc, html_path, out / name, scratch)
                problems = []
            else:
                pdf = out / f"{name}.pdf"
                print_pdf(renderer, html_path, pdf, scratch)
                problems = [] if args.no_check else check(doc, pdf)
            if problems:
                failures += 1
                print(f"{name} ({renderer}): " + "; ".join(problems), file=sys.stderr)
            stem = out / name
            dump = lambda kind, obj: (stem.parent / f"{stem.name}.truth.{kind}.json").write_text(
                json.dumps(obj, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            dump("doctype", {"type": doc.type, "subtype": doc.subtype, "family": doc.family, "producer": renderer,
                             "language": lang})
            dump("headings", {"title": doc.title, "headings": doc.headings})
            dump("blocks", {"blocks": doc.blocks})
            dump("tables", {"source": "corpus2", "scope": "document", "group": "corpus2",
                            "tables": [{k: v for k, v in t.items() if v is not None} for t in doc.tables]})
            dump("substrings", {"source": "corpus2", "substrings": [s["text"] for s in doc.substrings],
                                "why": [s["why"] for s in doc.substrings]})
            if doc.segments:
                dump("segments", {"segments": doc.segments})
    print(f"{args.count} documents in {out}, {failures} with page problems")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
