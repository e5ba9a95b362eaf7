#!/usr/bin/env python3
"""Statistics tables printed from a spreadsheet: a third producer for the table detector, beside the first
generator's and corpus2's HTML printed by Chromium or LibreOffice Writer. Each sheet is written as a flat
OpenDocument spreadsheet and printed to PDF by LibreOffice Calc the way a statistics office exports a worksheet:
no cell rules (or a rule under the header, or every cell ruled), text left and figures right, labels and figures
drawn in passes of their own, a title and notes in cells of their own that overflow into their neighbours, group label rows, headers of two tiers over groups of columns, a stub header beside
them, indented members, footnote marks, "..", "–" and "(X)" for missing values, six languages' number formats.

    python3 Scripts/corpus2/spreadsheets.py --out .build/corpus-calc --seed 1 --count 30

Truth by construction in the shared corpora's table format (`NAME.truth.tables.json`, scope "document"): the grid
row by row, header rows included, a spanning cell's text in the first column it spans, a group label row as its
label with the other cells empty; the title and the notes are not part of the table. Every sheet fits one page
(checked with pdfinfo: a sheet that does not is dropped and said). Needs LibreOffice Calc (`make corpus-calc`
installs it).
"""
import argparse, html, json, random, re, subprocess, sys, tempfile
from pathlib import Path

LANGUAGES = ["en", "de", "fr", "nl", "es", "it"]

WORDS = {
    "region": {"en": "Region", "de": "Region", "fr": "Région", "nl": "Regio", "es": "Región", "it": "Regione"},
    "characteristic": {"en": "Characteristic", "de": "Merkmal", "fr": "Caractéristique", "nl": "Kenmerk",
                       "es": "Característica", "it": "Caratteristica"},
    "total": {"en": "Total", "de": "Insgesamt", "fr": "Total", "nl": "Totaal", "es": "Total", "it": "Totale"},
    "source": {"en": "Source: national statistical office, labour force survey.",
               "de": "Quelle: Statistisches Landesamt, Mikrozensus.",
               "fr": "Source : Insee, enquête Emploi.", "nl": "Bron: CBS, Enquête beroepsbevolking.",
               "es": "Fuente: INE, Encuesta de Población Activa.", "it": "Fonte: Istat, Rilevazione sulle forze di lavoro."},
    "note": {"en": "Note: figures may not add up to totals because of rounding.",
             "de": "Hinweis: Abweichungen in den Summen durch Runden der Zahlen.",
             "fr": "Note : les totaux peuvent différer de la somme des composantes en raison des arrondis.",
             "nl": "Opmerking: door afronding kunnen totalen afwijken van de som der delen.",
             "es": "Nota: los totales pueden no coincidir con la suma por el redondeo.",
             "it": "Nota: i totali possono non coincidere con la somma per effetto degli arrotondamenti."},
}

MEASURES = {
    "en": [("Employment rate", "%"), ("Unemployment", "thousands"), ("Median income", "EUR"), ("Households", "number")],
    "de": [("Erwerbstätigenquote", "%"), ("Arbeitslose", "1 000"), ("Medianeinkommen", "EUR"), ("Haushalte", "Anzahl")],
    "fr": [("Taux d'emploi", "%"), ("Chômeurs", "milliers"), ("Revenu médian", "euros"), ("Ménages", "nombre")],
    "nl": [("Arbeidsparticipatie", "%"), ("Werklozen", "x 1 000"), ("Mediaan inkomen", "euro"), ("Huishoudens", "aantal")],
    "es": [("Tasa de empleo", "%"), ("Parados", "miles"), ("Renta mediana", "euros"), ("Hogares", "número")],
    "it": [("Tasso di occupazione", "%"), ("Disoccupati", "migliaia"), ("Reddito mediano", "euro"), ("Famiglie", "numero")],
}

GROUPS = {
    "en": {"Sex": ["Men", "Women"], "Age group": ["15 to 24 years", "25 to 54 years", "55 to 64 years"],
           "Education": ["Lower secondary", "Upper secondary", "Tertiary"], "Region": ["North", "Midlands", "South", "Wales"]},
    "de": {"Geschlecht": ["Männer", "Frauen"], "Altersgruppe": ["15 bis 24 Jahre", "25 bis 54 Jahre", "55 bis 64 Jahre"],
           "Bildungsstand": ["Sekundarstufe I", "Sekundarstufe II", "Tertiär"], "Land": ["Bayern", "Hessen", "Sachsen", "Bremen"]},
    "fr": {"Sexe": ["Hommes", "Femmes"], "Âge": ["15 à 24 ans", "25 à 54 ans", "55 à 64 ans"],
           "Diplôme": ["Brevet", "Baccalauréat", "Supérieur"], "Région": ["Bretagne", "Normandie", "Occitanie", "Corse"]},
    "nl": {"Geslacht": ["Mannen", "Vrouwen"], "Leeftijd": ["15 tot 25 jaar", "25 tot 55 jaar", "55 tot 65 jaar"],
           "Onderwijsniveau": ["Laag", "Middelbaar", "Hoog"], "Provincie": ["Groningen", "Utrecht", "Zeeland", "Limburg"]},
    "es": {"Sexo": ["Hombres", "Mujeres"], "Edad": ["De 16 a 24 años", "De 25 a 54 años", "De 55 a 64 años"],
           "Estudios": ["Primaria", "Secundaria", "Superior"], "Comunidad": ["Galicia", "Aragón", "Murcia", "Navarra"]},
    "it": {"Sesso": ["Maschi", "Femmine"], "Età": ["15-24 anni", "25-54 anni", "55-64 anni"],
           "Titolo di studio": ["Licenza media", "Diploma", "Laurea"], "Ripartizione": ["Nord-ovest", "Nord-est", "Centro", "Sud"]},
}

SUBS = {
    "en": [["Number", "Percent"], ["Estimate", "Margin of error"], ["Men", "Women", "Total"]],
    "de": [["Anzahl", "Anteil in %"], ["Schätzwert", "Fehlerspanne"], ["Männer", "Frauen", "Insgesamt"]],
    "fr": [["Effectif", "Part en %"], ["Estimation", "Marge d'erreur"], ["Hommes", "Femmes", "Ensemble"]],
    "nl": [["Aantal", "Aandeel %"], ["Schatting", "Marge"], ["Mannen", "Vrouwen", "Totaal"]],
    "es": [["Número", "Porcentaje"], ["Estimación", "Margen de error"], ["Hombres", "Mujeres", "Total"]],
    "it": [["Numero", "Quota %"], ["Stima", "Margine di errore"], ["Maschi", "Femmine", "Totale"]],
}

MISSING = ["..", "–", "(X)", "-", "x"]
FONTS = ["Liberation Sans", "Liberation Serif", "DejaVu Sans", "Liberation Sans Narrow"]


def figure(rng, lang, kind):
    """A figure as the sheet shows it in `lang`: a rate with one decimal, or a count grouped in thousands."""
    if rng.random() < 0.04:
        return rng.choice(MISSING)
    if kind == "rate":
        text = f"{rng.uniform(1, 99):.1f}"
        return text if lang == "en" else text.replace(".", ",")
    value = rng.randint(120, 98000)
    text = f"{value:,}"
    if lang == "en":
        return text
    return text.replace(",", {"de": ".", "nl": ".", "es": ".", "it": ".", "fr": "\u00a0"}[lang])


class Sheet:
    """One worksheet: its HTML for Calc and its truth grid."""

    def __init__(self, rng, lang):
        self.rng, self.lang = rng, lang
        self.font = rng.choice(FONTS)
        self.size = rng.choice([8, 9, 10])
        self.borders = rng.choice(["none", "none", "header", "all"])
        self.bold_header = rng.random() < 0.6
        self.bold_groups = rng.random() < 0.5
        self.rows = []  # cells as (text, colspan, rowspan, role), row by row, for the sheet
        self.grid = []

    def build(self):
        rng, lang = self.rng, self.lang
        measure, unit = rng.choice(MEASURES[lang])
        years = sorted(rng.sample(range(2008, 2024), rng.choice([1, 2, 2, 3])))
        tiered = len(years) > 1 and rng.random() < 0.75
        subs = rng.choice(SUBS[lang]) if tiered else None
        if subs is None:
            subs = [str(y) for y in rng.sample(range(2010, 2024), rng.choice([3, 4, 5]))]
            subs.sort()
        kind = "count" if unit not in ("%",) else "rate"
        stub = WORDS["characteristic" if rng.random() < 0.5 else "region"][lang]
        self.title = f"{measure} ({unit}), " + (", ".join(str(y) for y in years) if tiered else f"{subs[0]}–{subs[-1]}")
        width = 1 + (len(years) * len(subs) if tiered else len(subs))
        if width > 9:
            years = years[:2]
            width = 1 + len(years) * len(subs)
        self.width = width
        self.header_rows = 2 if tiered else 1
        # Header
        if tiered:
            stub_spans = rng.random() < 0.5
            top = [(stub, 1, 2 if stub_spans else 1, "head")]
            grid_top = [stub] + [""] * (width - 1)
            for i, year in enumerate(years):
                top.append((str(year), len(subs), 1, "head"))
                grid_top[1 + i * len(subs)] = str(year)
            lower = [] if stub_spans else [("", 1, 1, "head")]
            grid_lower = [""] * width
            for i in range(len(years)):
                for j, name in enumerate(subs):
                    lower.append((name, 1, 1, "head"))
                    grid_lower[1 + i * len(subs) + j] = name
            self.rows += [top, lower]
            self.grid += [grid_top, grid_lower]
        else:
            self.rows.append([(stub, 1, 1, "head")] + [(s, 1, 1, "head") for s in subs])
            self.grid.append([stub] + subs)
        # Body: a total row first or last, then groups of members under label rows.
        groups = GROUPS[lang]
        names = rng.sample(list(groups), rng.choice([1, 2, 2, 3]))
        labelled = rng.random() < 0.8
        total_first = rng.random() < 0.5
        values = lambda: [figure(rng, lang, kind) for _ in range(width - 1)]
        total = [WORDS["total"][lang]] + values()
        if total_first:
            self.body_row(total, "total")
        for name in names:
            if labelled:
                self.rows.append([(name, 1, 1, "group")] + [("", 1, 1, "body")] * (width - 1))
                self.grid.append([name] + [""] * (width - 1))
            for member in groups[name]:
                cells = [member] + values()
                if rng.random() < 0.08:
                    cells[1] += rng.choice([" a", "*", " (1)"])
                self.body_row(cells, "member" if labelled else "body")
        if not total_first:
            self.body_row(total, "total")

    def body_row(self, cells, role):
        self.rows.append([(cells[0], 1, 1, role)] + [(c, 1, 1, "figure") for c in cells[1:]])
        self.grid.append(cells)

    def fods(self):
        """The sheet as a flat OpenDocument spreadsheet: cell styles (font, weight, alignment, indent, rules) made
        as the cells need them, the stub column wide and the figure columns narrow, the title and the notes in
        single cells that overflow into their neighbours."""
        styles = {}

        def style(bold=False, align="start", indent=False, rule="", size=None):
            key = (bold, align, indent, rule, size or self.size)
            if key not in styles:
                name = f"ce{len(styles) + 1}"
                border = {"all": ' fo:border="0.5pt solid #000000"', "bottom": ' fo:border-bottom="0.5pt solid #000000"',
                          "": ""}[rule]
                margin = ' fo:margin-left="0.3cm"' if indent else ""
                weight = ' fo:font-weight="bold"' if bold else ""
                styles[key] = (name, f'<style:style style:name="{name}" style:family="table-cell">'
                               f'<style:table-cell-properties{border} style:vertical-align="bottom"/>'
                               f'<style:paragraph-properties fo:text-align="{align}"'
                               f'{margin}/>'
                               f'<style:text-properties style:font-name="{self.font}" fo:font-size="{key[4]}pt"'
                               f'{weight}/></style:style>')
            return styles[key][0]

        def cell(text, name, colspan=1, rowspan=1):
            span = (f' table:number-columns-spanned="{colspan}" table:number-rows-spanned="{rowspan}"'
                    if colspan > 1 or rowspan > 1 else "")
            body = f'<text:p>{html.escape(text)}</text:p>' if text else ""
            value = ' office:value-type="string"' if text else ""
            return f'<table:table-cell table:style-name="{name}"{span}{value}>{body}</table:table-cell>'

        rows = [[cell(self.title, style(bold=True, size=self.size + 1))], []]
        header_count = self.header_rows
        covered = set()
        right_header = self.rng.random() < 0.5
        for index, row in enumerate(self.rows):
            out, column = [], 0
            for text, colspan, rowspan, role in row:
                while (index, column) in covered:
                    out.append("<table:covered-table-cell/>")
                    column += 1
                rule = "all" if self.borders == "all" else (
                    "bottom" if self.borders == "header" and index + rowspan == header_count else "")
                bold = ((role == "head" and self.bold_header) or (role in ("group", "total") and self.bold_groups))
                align = "end" if role == "figure" or (role == "head" and column > 0 and right_header) else "start"
                if role == "head" and colspan > 1:
                    align = "center"
                out.append(cell(text, style(bold, align, role == "member", rule), colspan, rowspan))
                for dr in range(rowspan):
                    for dc in range(colspan):
                        if dr or dc:
                            covered.add((index + dr, column + dc))
                column += 1
                for _ in range(colspan - 1):
                    out.append("<table:covered-table-cell/>")
                    column += 1
            while (index, column) in covered:
                out.append("<table:covered-table-cell/>")
                column += 1
            rows.append(out)
        rows.append([])
        for note in (WORDS["source"][self.lang], WORDS["note"][self.lang]):
            rows.append([cell(note, style(size=max(self.size - 1, 7)))])
        stub_width = self.rng.choice([3.6, 4.2, 5.0])
        # Wide enough for every name and figure of a value column (a worksheet's author widens a column whose
        # text is cut off): about 0.55 em a character, in centimetres, and a little room on each side.
        longest = max(len(row[c]) for row in self.grid for c in range(1, self.width))
        fitting = longest * 0.55 * self.size * 2.54 / 72 + 0.3
        figure_width = max(self.rng.choice([1.5, 1.8, 2.1]), round(fitting, 1))
        table = ['<table:table table:name="Sheet1">',
                 '<table:table-column table:style-name="co1"/>',
                 f'<table:table-column table:style-name="co2" table:number-columns-repeated="{self.width - 1}"/>']
        table += ["<table:table-row>" + "".join(r) + "</table:table-row>" if r else
                  "<table:table-row><table:table-cell/></table:table-row>" for r in rows]
        table.append("</table:table>")
        ns = ("xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
              "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
              "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
              "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
              "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" "
              "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\"")
        return "\n".join([
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<office:document {ns} office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">',
            f'<office:font-face-decls><style:font-face style:name="{self.font}" svg:font-family="&apos;{self.font}&apos;"/>'
            '</office:font-face-decls>',
            "<office:automatic-styles>",
            f'<style:style style:name="co1" style:family="table-column"><style:table-column-properties '
            f'style:column-width="{stub_width}cm"/></style:style>',
            f'<style:style style:name="co2" style:family="table-column"><style:table-column-properties '
            f'style:column-width="{figure_width}cm"/></style:style>',
            *[definition for _, definition in styles.values()],
            "</office:automatic-styles>",
            "<office:body><office:spreadsheet>", *table, "</office:spreadsheet></office:body></office:document>"])

    def truth(self):
        grid = [[c.strip() for c in row] for row in self.grid]
        return {"source": "corpus-calc", "scope": "document", "group": "calc",
                "tables": [{"page": 1, "grid": grid, "header_rows": self.header_rows}]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=30)
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as work:
        sheets = {}
        for number in range(1, args.count + 1):
            lang = rng.choice(LANGUAGES)
            sheet = Sheet(rng, lang)
            sheet.build()
            stem = f"calc-{args.seed:02d}-{number:03d}-{lang}"
            Path(work, stem + ".fods").write_text(sheet.fods(), encoding="utf-8")
            sheets[stem] = sheet
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", work]
                       + sorted(str(Path(work, s + ".fods")) for s in sheets),
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        kept = 0
        for stem, sheet in sheets.items():
            pdf = Path(work, stem + ".pdf")
            pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
            if re.search(r"^Pages:\s+1$", pages, re.M) is None:
                print(f"dropped {stem}: more than one page", file=sys.stderr)
                continue
            (out / (stem + ".pdf")).write_bytes(pdf.read_bytes())
            (out / (stem + ".truth.tables.json")).write_text(json.dumps(sheet.truth(), ensure_ascii=False, indent=1))
            kept += 1
        print(f"{kept} sheets in {out}")


if __name__ == "__main__":
    main()
