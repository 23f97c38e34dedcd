#!/usr/bin/python3
"""The reading peer: what a user without Qantara would put together from Debian's packages.

For each article of ARTICLES (JSON Lines: id, lang, format "html" or "text", body):
  clean      python3-readability: Document(html).summary(), its text (lxml text_content(), a line
             break after each block);
             a plain text as it is
  languages  python3-langdetect (seed 0): detect() on every piece of the clean text split on
             . ! ? and newlines (pieces without a letter skipped)
  dates      python3-dateparser: dateparser.search.search_dates(text, languages=[lang]); it is
             slow, so it is timed on the first N articles only (N given, default 60; the articles
             alternate languages and formats, so the sample holds all of them)
Nothing spots mentions or links them: no Debian package does it for Arabic, French and English.
Models and tables are loaded before timing (a call per language first). langdetect's
detect() is the bulk of the time. Prints microseconds per
article for each part and articles_per_second for the three together, in CPU time
(time.process_time(): the machine may be shared).

    /usr/bin/python3 bench/peers/read_peer.py ARTICLES [N]
"""
import json
import logging
import re
import sys
import time
import warnings

import dateparser.search
import lxml.html
from langdetect import DetectorFactory, detect
from langdetect.lang_detect_exception import LangDetectException
from readability import Document

SPLIT = re.compile(r"[.!?\n]+")
BLOCKS = ("p", "h1", "h2", "h3", "h4", "li", "div", "blockquote", "td")


def clean(article):
    if article["format"] != "html":
        return article["body"]
    summary = lxml.html.fromstring(Document(article["body"]).summary(html_partial=True))
    for el in summary.iter(*BLOCKS):  # a line break after each block, as a reader would keep
        el.tail = "\n" + (el.tail or "")
    return summary.text_content()


def languages(text):
    found = []
    for piece in SPLIT.split(text):
        if not any(c.isalpha() for c in piece):
            continue
        try:
            found.append(detect(piece))
        except LangDetectException:
            found.append("und")
    return found


def dates(text, lang):
    return dateparser.search.search_dates(text, languages=[lang]) or []


def main():
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        return 0 if len(sys.argv) > 1 else 2
    logging.disable(logging.WARNING)
    warnings.simplefilter("ignore")
    DetectorFactory.seed = 0
    articles = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
    sample = min(len(articles), int(sys.argv[2]) if len(sys.argv) > 2 else 60)
    # Warm up: langdetect's profiles, dateparser's language data, readability's lxml.
    for lang, word in (("ar", "\u0623\u0645\u0633"), ("fr", "hier"), ("en", "yesterday")):
        detect("warm up " + word)
        dates("5 " + word, lang)
    clean({"format": "html", "body": "<html><body><p>warm up</p></body></html>"})

    start = time.process_time()
    texts = [clean(a) for a in articles]
    clean_s = time.process_time() - start
    start = time.process_time()
    sentences = sum(len(languages(t)) for t in texts)
    langs_s = time.process_time() - start
    start = time.process_time()
    found = sum(len(dates(texts[i], articles[i]["lang"])) for i in range(sample))
    dates_s = time.process_time() - start

    n = len(articles)
    clean_us, langs_us, dates_us = 1e6 * clean_s / n, 1e6 * langs_s / n, 1e6 * dates_s / sample
    print(f"readability: {n} articles in {clean_s:.2f} s ({sum(map(len, texts)) // n} text bytes/article)")
    print(f"langdetect: {sentences} pieces in {langs_s:.2f} s ({sentences / n:.1f}/article)")
    print(f"dateparser search_dates: a sample of {sample} of the {n} articles, {dates_s:.2f} s "
          f"({found / sample:.1f} dates/article)")
    print(f"clean_us_per_article {clean_us:.1f}")
    print(f"languages_us_per_article {langs_us:.1f}")
    print(f"dates_us_per_article {dates_us:.1f}")
    print(f"articles_per_second {1e6 / (clean_us + langs_us + dates_us):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
