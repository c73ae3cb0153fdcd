"""Pages per second for PDF extraction: desk's two adapters (words + layout) and the raw engines.

Generates ``--n`` resume-like PDFs (1-3 pages, one and two columns) with fpdf2 into a temporary
directory, then times, in the same run over the same files:
  pdfium adapter      desk.extract with pdf_engine="pdfium" (words with boxes + layout step)
  pdfplumber adapter  desk.extract with pdf_engine="pdfplumber"
  pypdfium2 plain     PdfTextPage.get_text_range, no boxes, no layout
  pdfplumber plain    Page.extract_text
No assertions: the figures are for people. Wall-clock pages/s suffer when other work shares the
machine; CPU pages/s (process time) much less, so both are printed.

    .venv/bin/python bench/bench_extract.py [--n 200] [--plumber-n 40]
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for tests.extract.builders when run as a script

from desk.extract import extract_bytes  # noqa: E402
from tests.extract.builders import make_sample_resume_pdf  # noqa: E402


def make_corpus(directory: Path, n: int) -> list[bytes]:
    """``n`` PDFs cycling through 1-3 pages and one or two columns."""
    files = []
    for i in range(n):
        path = make_sample_resume_pdf(
            directory / f"r{i:04d}.pdf", seed=i, pages=1 + i % 3, columns=1 + i // 3 % 2
        )
        files.append(path.read_bytes())
    return files


def pdfium_plain(data: bytes) -> int:
    pdf = pdfium.PdfDocument(data)
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        return len(pdf)
    finally:
        pdf.close()


def plumber_plain(data: bytes) -> int:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
        return len(pdf.pages)


def adapter(engine: str) -> Callable[[bytes], int]:
    def run(data: bytes) -> int:
        return extract_bytes(data, "resume.pdf", pdf_engine=engine).pages

    return run


def measure(fn: Callable[[bytes], int], files: list[bytes]) -> tuple[int, float, float]:
    """Pages read, wall seconds and CPU seconds for one pass over ``files``."""
    fn(files[0])  # warm up imports and caches
    wall, cpu = time.perf_counter(), time.process_time()
    pages = sum(fn(data) for data in files)
    return pages, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=200, help="PDFs to generate (default 200)")
    parser.add_argument(
        "--plumber-n",
        type=int,
        default=40,
        help="of those, how many the slow pdfplumber runs read (default 40)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="desk-bench-") as tmp:
        started = time.perf_counter()
        files = make_corpus(Path(tmp), args.n)
        print(f"generated {len(files)} PDFs in {time.perf_counter() - started:.1f}s")
        few = files[: max(1, min(args.plumber_n, len(files)))]
        runs = [
            ("pdfium adapter (words+layout)", adapter("pdfium"), files),
            ("pdfplumber adapter (words+layout)", adapter("pdfplumber"), few),
            ("pypdfium2 get_text_range (plain)", pdfium_plain, files),
            ("pdfplumber extract_text (plain)", plumber_plain, few),
        ]
        words = sum(len(extract_bytes(d, "r.pdf").text.split()) for d in few)
        pages = sum(extract_bytes(d, "r.pdf").pages for d in few)
        print(f"about {words / pages:.0f} words per page")
        print(f"{'engine':36} {'files':>6} {'pages':>6} {'wall s':>7} {'pages/s':>8} {'CPU pages/s':>12}")
        for name, fn, corpus in runs:
            pages, wall, cpu = measure(fn, corpus)
            print(
                f"{name:36} {len(corpus):>6} {pages:>6} {wall:>7.2f} {pages / wall:>8.1f} {pages / cpu:>12.1f}"
            )


if __name__ == "__main__":
    main()
