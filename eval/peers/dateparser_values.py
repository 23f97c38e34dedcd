#!/usr/bin/python3
"""Peer for eval/date_eval.cc: the values python3-dateparser gives to date expressions.

Run with Debian's interpreter and package: /usr/bin/python3 eval/peers/dateparser_values.py
Reads JSON lines {"id": N, "text": "...", "lang": "fr"|"en"|"ar", "anchor": "YYYY-MM-DD"|null}
on stdin and prints JSON lines {"id": N, "value": "YYYY-MM-DDTHH:MM:SS"|""} on stdout, in the
same order. Settings are what a user would pick: the expression's language, RELATIVE_BASE =
the anchor (the document's creation time) when there is one, PREFER_DAY_OF_MONTH = "first"
(a month or a year comes back as its first day; the caller compares at the gold value's
granularity). dateparser.parse reads the whole string, as the expressions are given alone.
"""
import datetime
import json
import sys
import warnings

warnings.filterwarnings("ignore")
import dateparser  # noqa: E402


def value(item):
    settings = {"PREFER_DAY_OF_MONTH": "first"}
    if item.get("anchor"):
        settings["RELATIVE_BASE"] = datetime.datetime.fromisoformat(item["anchor"])
    languages = [item["lang"]] if item.get("lang") else None
    try:
        d = dateparser.parse(item["text"], languages=languages, settings=settings)
    except Exception:  # a peer crash on one expression counts as no value
        return ""
    return d.strftime("%Y-%m-%dT%H:%M:%S") if d else ""


def main():
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        item = json.loads(line)
        print(json.dumps({"id": item["id"], "value": value(item)}), flush=False)


if __name__ == "__main__":
    main()
