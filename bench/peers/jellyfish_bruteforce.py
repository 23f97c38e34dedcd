#!/usr/bin/python3
"""The brute-force peer: what a user without Qantara would write.

For each query, Jaro-Winkler (python3-jellyfish, Debian's package) against every listed name,
after lower-casing both, keeping the best. Reads one name per line from LISTED and QUERIES; screens
the first N queries (it is slow) and prints names_per_second.

    /usr/bin/python3 bench/peers/jellyfish_bruteforce.py LISTED QUERIES [N]
"""
import sys
import time

import jellyfish


def main():
    if len(sys.argv) < 3 or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        return 0 if len(sys.argv) > 1 else 2
    listed = [l.strip().lower() for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
    queries = [l.strip().lower() for l in open(sys.argv[2], encoding="utf-8") if l.strip()]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    queries = queries[:n]
    jw = jellyfish.jaro_winkler_similarity
    start = time.perf_counter()
    for q in queries:
        best = max(listed, key=lambda name: jw(q, name))
    secs = time.perf_counter() - start
    print(f"jellyfish brute force: {len(queries)} queries x {len(listed)} listed names in {secs:.2f} s")
    print(f"names_per_second {len(queries) / secs:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
