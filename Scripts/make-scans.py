#!/usr/bin/env python3
"""Makes a scanned test set from the shared synthetic corpus: every page rendered to a grey image at 200 and 300 dpi
(pdftoppm), turned by a little (±1.5°, the angle fixed per file and resolution) with a little noise (ImageMagick),
saved as JPEG and wrapped back into an image-only PDF (img2pdf), the original's truth files copied beside it under
the new name. The output stays out of git (default .build/scans); evaluate it with
  python3 ../shared/tools/evaluate.py --engine .build/release/skillspool --corpus .build/scans

  Scripts/make-scans.py [--source ../shared/corpus-synth] [--out .build/scans] [--dpi 200,300] [--only GLOB]
"""
import argparse
import fnmatch
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile


def angle(name: str, dpi: int) -> float:
    """A rotation in [-1.5, 1.5] degrees that depends only on the file and the resolution."""
    digest = hashlib.sha256(f"{name}@{dpi}".encode()).digest()
    return round((int.from_bytes(digest[:4], "big") / 2**32) * 3.0 - 1.5, 2)


def scan(pdf: str, out: str, dpi: int) -> None:
    name = os.path.basename(pdf)[:-4]
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", pdf, os.path.join(work, "p")], check=True)
        pages = sorted(f for f in os.listdir(work) if f.endswith(".png"))
        images = []
        for page in pages:
            source = os.path.join(work, page)
            size = subprocess.run(["identify", "-format", "%wx%h", source], check=True, capture_output=True,
                                  text=True).stdout.strip()
            target = source[:-4] + ".jpg"
            subprocess.run(["convert", source, "-background", "white", "-rotate", str(angle(name, dpi)),
                            "-gravity", "center", "-extent", size, "-seed", "7", "-attenuate", "0.25",
                            "+noise", "Gaussian", "-colorspace", "Gray", "-quality", "85", "-density", str(dpi),
                            target], check=True)
            images.append(target)
        subprocess.run(["img2pdf", "--imgsize", f"{dpi}dpi", "-o", os.path.join(out, f"{name}-{dpi}dpi.pdf")]
                       + images, check=True)
    folder = os.path.dirname(pdf)
    for truth in os.listdir(folder):
        if truth.startswith(name + ".truth."):
            shutil.copyfile(os.path.join(folder, truth),
                            os.path.join(out, f"{name}-{dpi}dpi" + truth[len(name):]))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", default="../shared/corpus-synth")
    parser.add_argument("--out", default=".build/scans")
    parser.add_argument("--dpi", default="200,300")
    parser.add_argument("--only", default="*")
    args = parser.parse_args()
    for tool in ("pdftoppm", "convert", "identify", "img2pdf"):
        if not shutil.which(tool):
            print(f"make-scans: {tool} is missing (make deps installs poppler-utils, imagemagick, img2pdf)",
                  file=sys.stderr)
            return 2
    os.makedirs(args.out, exist_ok=True)
    pdfs = sorted(f for f in os.listdir(args.source) if f.endswith(".pdf") and fnmatch.fnmatch(f, args.only))
    for pdf in pdfs:
        for dpi in (int(d) for d in args.dpi.split(",")):
            scan(os.path.join(args.source, pdf), args.out, dpi)
    print(f"make-scans: {len(pdfs)} files at {args.dpi} dpi into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
