#!/usr/bin/env python3
"""What the generators in tools/gen share (python3 stdlib only): C string literals that keep the
generated sources ASCII (STYLE.md "Unicode in sources"), and writing a generated file or, with
--check, failing when the committed one differs (tools/ci/check_sources.sh runs every
tools/gen/*.py with --check; run on its own, this module does nothing)."""
import os
import sys


def c_literal(s):
    """A C string literal for s: printable ASCII as is, quotes and backslashes escaped, every
    other byte of its UTF-8 form as an octal escape."""
    out = []
    for b in s.encode("utf-8"):
        if b in (0x22, 0x5C):
            out.append("\\" + chr(b))
        elif 0x20 <= b < 0x7F:
            out.append(chr(b))
        else:
            out.append("\\%03o" % b)
    return '"' + "".join(out) + '"'


def write_rows(out_path, header, rows, generator):
    """Writes (or checks, as write_or_check) a table of C string literals: `header`, then one
    line "{a, b, ...}," per row of strings."""
    out = [header]
    for row in rows:
        out.append("{%s},\n" % ", ".join(c_literal(x) for x in row))
    write_or_check(out_path, "".join(out), generator)


def write_or_check(out_path, text, generator):
    """Writes text to out_path, or with --check on the command line exits 1 when out_path holds
    something else. `generator` is the script to name in the message."""
    if "--check" in sys.argv[1:]:
        try:
            with open(out_path, encoding="utf-8") as f:
                current = f.read()
        except FileNotFoundError:
            current = None
        if current != text:
            sys.exit(f"{out_path} is stale: run python3 {generator}")
        return
    os.makedirs(os.path.dirname(out_path), exist_ok=True)
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(text)


def tsv_rows(path, columns, shape):
    """Yields (lineno, fields) for each line of a TSV table that is not blank or a # comment;
    exits naming the file and line when a line does not have `columns` fields (`shape` says
    what one looks like, for the message)."""
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != columns:
                sys.exit(f"{path}:{lineno}: expected '{shape}', got {line!r}")
            yield lineno, parts


if __name__ == "__main__":
    pass
