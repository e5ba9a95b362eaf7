#!/usr/bin/env python3
"""OCR throughput against Tesseract's own command line on the same pages, in the same run.

For each resolution, every scanned PDF of the set (Scripts/make-scans.py) is converted to text by the engine, and
its page images (taken out with pdfimages before timing) are read by `tesseract IMAGE - --psm 3 --dpi D`, one
process per page, one thread each (OMP_THREAD_LIMIT=1, as the engine runs it); the two are interleaved file by
file, the best of --rounds taken per file. Pages/s is per core: one process at a time. The engine is timed with
`--ocr-languages eng`, the languages the command line reads with, and with its default (`auto`, which reads a
non-English document's first page again with that language's data) in a column of its own.

  Scripts/bench-ocr.py [--engine .build/release/skillspool] [--scans .build/scans] [--rounds 2]
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time


def timed(command, env):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--engine", default=".build/release/skillspool")
    parser.add_argument("--scans", default=".build/scans")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    if not os.path.isdir(args.scans):
        subprocess.run([sys.executable, "Scripts/make-scans.py", "--out", args.scans], check=True)
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    print("| scans | pages | engine pages/s (eng) | tesseract CLI pages/s (eng) | engine / CLI | engine pages/s (auto) |")
    print("| --- | --- | --- | --- | --- | --- |")
    for dpi in (200, 300):
        pdfs = sorted(f for f in os.listdir(args.scans) if f.endswith(f"-{dpi}dpi.pdf"))
        engine_seconds = cli_seconds = auto_seconds = 0.0
        pages = 0
        for name in pdfs:
            pdf = os.path.join(args.scans, name)
            with tempfile.TemporaryDirectory() as work:
                subprocess.run(["pdfimages", "-all", pdf, os.path.join(work, "p")], check=True)
                images = sorted(os.path.join(work, f) for f in os.listdir(work))
                pages += len(images)
                best_engine = best_cli = best_auto = float("inf")
                for _ in range(args.rounds):
                    best_engine = min(best_engine, timed(
                        [args.engine, "convert", pdf, "--format", "text", "--ocr-languages", "eng"], env))
                    best_auto = min(best_auto, timed([args.engine, "convert", pdf, "--format", "text"], env))
                    best_cli = min(best_cli, sum(
                        timed(["tesseract", image, "-", "--psm", "3", "--dpi", str(dpi)], env) for image in images))
                engine_seconds += best_engine
                cli_seconds += best_cli
                auto_seconds += best_auto
        print(f"| {dpi} dpi, {len(pdfs)} files | {pages} | {pages / engine_seconds:.2f} | {pages / cli_seconds:.2f} | "
              f"{cli_seconds / engine_seconds:.2f} | {pages / auto_seconds:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
