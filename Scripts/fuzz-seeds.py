#!/usr/bin/env python3
"""Seeds for the fuzz targets, made from the shared corpora into WORK/<target>/ (never into the repository):
PDFs under 256 KB as they are, the ToUnicode CMaps and embedded font programs found in them, manifests, and
small zip and tar.gz archives of corpus PDFs."""
import io, json, re, sys, tarfile, zipfile, zlib
from pathlib import Path

shared, work = Path(sys.argv[1]), Path(sys.argv[2])
targets = ["pdf", "content", "document", "cmap", "truetype", "cff", "type1", "manifest", "archive", "markup"]
for target in targets:
    (work / target).mkdir(parents=True, exist_ok=True)
pdfs = sorted(p for corpus in ("corpus", "corpus-synth") for p in (shared / corpus).glob("*.pdf"))
small = [p for p in pdfs if p.stat().st_size <= 256 * 1024]
for pdf in small:
    (work / "document" / pdf.name).write_bytes(pdf.read_bytes())
    if pdf.stat().st_size <= 16 * 1024:
        (work / "pdf" / pdf.name).write_bytes(pdf.read_bytes())

# Streams by their role, found in the raw bytes (a stream's dictionary is never inside an object stream): font
# programs by their dictionary keys, ToUnicode CMaps by their content.
stream = re.compile(rb"<<((?:(?!<<|>>).|<<(?:(?!>>).)*>>){0,800}?)>>\s*stream\r?\n", re.S)
found = {target: 0 for target in targets}
for pdf in pdfs:
    data = pdf.read_bytes()
    for match in stream.finditer(data):
        dictionary = match.group(1)
        end = data.find(b"endstream", match.end())
        if end < 0:
            continue
        body = data[match.end():end]
        if b"/FlateDecode" in dictionary:
            try:
                body = zlib.decompressobj().decompress(body)
            except zlib.error:
                continue
        elif b"/Filter" in dictionary:
            continue
        if b"/Length2" in dictionary:
            target = "type1"
        elif b"/Length1" in dictionary:
            target = "truetype"
        elif re.search(rb"/Subtype\s*/(Type1C|CIDFontType0C)", dictionary):
            target = "cff"
        elif b"begincmap" in body:
            target = "cmap"
        elif re.search(rb"\bBT\b", body) and re.search(rb"\bT[fjJ]\b", body):
            target = "content"
        else:
            continue
        if found[target] >= 60 or len(body) > (16384 if target == "content" else 65536):
            continue
        found[target] += 1
        (work / target / f"{pdf.stem}-{match.start()}").write_bytes(body)

manifests = [
    {"documents": [{"file": "a.pdf"}]},
    {"documents": [{"file": "a.pdf", "pages": "1-3,7", "password": "x"}], "outputFormats": ["json", "md"],
     "mode": "info", "dryRun": True, "options": {"bounds": True, "fonts": False, "semantic": True},
     "skill": {"name": "a-skill", "catalogue": "auto"}, "review": "always", "reference": "r-1"},
]
for index, manifest in enumerate(manifests):
    (work / "manifest" / f"m{index}.json").write_text(json.dumps(manifest))

tiny = [p for p in small if p.stat().st_size <= 16 * 1024][:3]
buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w") as archive:
    for pdf in tiny:
        archive.write(pdf, pdf.name)
(work / "archive" / "seed.zip").write_bytes(buffer.getvalue())
buffer = io.BytesIO()
with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
    for pdf in tiny:
        archive.add(pdf, pdf.name)
(work / "archive" / "seed.tar.gz").write_bytes(buffer.getvalue())
# Markup: the first byte picks the reader (0 Word, 1 HTML, 2 Markdown, 3 text).
markup = {
    "html": (1, "<!doctype html><html><head><title>T</title><style>p{}</style></head><body><h1>Title</h1>"
                "<p>Intro: <b>bold</b> text<br>line</p><ol start=3><li>one<ul><li>two</li></ul></li></ol>"
                "<table><thead><tr><th rowspan=2>A</th><th colspan=2>B</th></tr><tr><th>c</th><th>d</th></tr></thead>"
                "<tbody><tr><td>1</td><td>2</td><td>3</td></tr></tbody></table><dl><dt>Key</dt><dd>Value</dd></dl>"
                "<pre>code\n  more</pre></body></html>"),
    "md": (2, "---\ntitle: T\n---\n# Title\n\nSetext\n---\n\n1. one\n   - two\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n"
              "```sh\ncode\n```\n\n- [x] done\n\nKey: value\n"),
    "txt": (3, "REPORT\n\n1. Scope\n\nText that wraps\nover lines.\n\nName   Qty   Price\nA      1     2.00\nB      3     4.50\n\n"
               "a\tb\n1\t2\n\n- item\n  continued\n\nTo: x\nFrom: y\n"),
}
for name, (selector, text) in markup.items():
    (work / "markup" / f"seed-{name}").write_bytes(bytes([selector]) + text.encode())
document_xml = ('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                '<w:body><w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Title</w:t></w:r></w:p>'
                '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>item</w:t></w:r></w:p>'
                '<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr>'
                '<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl></w:body></w:document>')
styles_xml = ('<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
              '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style></w:styles>')
numbering_xml = ('<?xml version="1.0"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                 '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
                 '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w") as archive:
    archive.writestr("word/document.xml", document_xml)
    archive.writestr("word/styles.xml", styles_xml)
    archive.writestr("word/numbering.xml", numbering_xml)
(work / "markup" / "seed-docx").write_bytes(bytes([0]) + buffer.getvalue())
print("seeds:", ", ".join(f"{t} {len(list((work / t).iterdir()))}" for t in targets))
