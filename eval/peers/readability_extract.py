#!/usr/bin/python3
"""Peer for eval/extraction_eval: Debian's python3-readability on the same pages.

    /usr/bin/python3 eval/peers/readability_extract.py HTML_DIR IDS_FILE OUT_JSON

Reads one id a line from IDS_FILE, the page HTML_DIR/<id>.html.gz (or .html),
runs readability's Document(html).summary() and turns the HTML it returns into
text (lxml text_content of each block, blocks joined by blank lines). Writes
{"seconds": extraction time without I/O, "output": {id: {"articleBody": text}}}.
A page readability fails on gets an empty body.
"""
import gzip
import json
import os
import sys
import time

import lxml.html
from readability import Document

BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "td")


def to_text(summary_html):
    root = lxml.html.fromstring(summary_html)
    parts = [" ".join(e.text_content().split()) for e in root.iter(*BLOCKS)]
    parts = [p for p in parts if p]
    return "\n\n".join(parts) if parts else " ".join(root.text_content().split())


def read_page(html_dir, item_id):
    path = os.path.join(html_dir, item_id + ".html.gz")
    if os.path.exists(path):
        with gzip.open(path, "rb") as f:
            return f.read().decode("utf-8", errors="replace")
    with open(os.path.join(html_dir, item_id + ".html"), "rb") as f:
        return f.read().decode("utf-8", errors="replace")


def main():
    html_dir, ids_file, out_json = sys.argv[1:4]
    with open(ids_file, encoding="utf-8") as f:
        ids = [line.strip() for line in f if line.strip()]
    pages = {i: read_page(html_dir, i) for i in ids}
    output = {}
    start = time.perf_counter()
    for i in ids:
        try:
            output[i] = {"articleBody": to_text(Document(pages[i]).summary())}
        except Exception:  # a page the peer cannot read scores zero, as it would for a user
            output[i] = {"articleBody": ""}
    seconds = time.perf_counter() - start
    with open(out_json, "w", encoding="utf-8") as f:
        json.dump({"seconds": seconds, "output": output}, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
