#!/usr/bin/python3
"""The peer of eval/pair_eval: token-set Jaro-Winkler (python3-jellyfish, Debian's package).

    /usr/bin/python3 eval/peers/jellyfish_pairs.py PAIRS.tsv > SCORES

PAIRS.tsv has one pair per line, query<TAB>listed; prints one score per line. The score is
fuzzywuzzy's token_set_ratio with Jaro-Winkler in place of its edit ratio: the sorted words the
two names share, then each name's other words; the best Jaro-Winkler of the three strings.
Names are lower-cased and their punctuation turned into spaces; no transliteration (the peer
as a user would run it)."""
import re
import sys
import unicodedata
import warnings

import jellyfish

warnings.simplefilter("ignore", DeprecationWarning)  # jellyfish 0.8 on Python 3.11


def words(name):
    name = unicodedata.normalize("NFKD", name.lower())
    name = "".join(c for c in name if not unicodedata.combining(c))
    return [w for w in re.split(r"[\W_]+", name) if w]


def token_set_jw(a, b):
    wa, wb = set(words(a)), set(words(b))
    common = " ".join(sorted(wa & wb))
    ta = " ".join(x for x in [common, " ".join(sorted(wa - wb))] if x)
    tb = " ".join(x for x in [common, " ".join(sorted(wb - wa))] if x)
    jw = jellyfish.jaro_winkler_similarity
    best = jw(ta, tb)
    if common:
        best = max(best, jw(common, ta), jw(common, tb))
    return best


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            query, listed = line.rstrip("\n").split("\t")
            print(f"{token_set_jw(query, listed):.4f}")


if __name__ == "__main__":
    main()
