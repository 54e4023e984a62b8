#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""batch_latency.py SEARCH DB QUERIES.tsv SECONDS: batch mode's latency as
one client sees it. Starts `SEARCH --db DB --batch -`, writes the query
set's queries one at a time ({"query", "limit"} JSON lines, full mode) and
times each answer line; prints bench-queries' TSV row for "all" (engine
"batch") after SECONDS."""
import json
import math
import subprocess
import sys
import time


def percentile(samples, p):
    ordered = sorted(samples)
    return ordered[max(1, min(len(ordered), math.ceil(p / 100 * len(ordered)))) - 1]


def main():
    search, db, queries_file, seconds = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    queries = []
    for line in open(queries_file, encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            parts = line.rstrip("\n").split("\t")
            k = 10
            for option in (parts[2] if len(parts) > 2 else "").split(";"):
                if option.startswith("k="):
                    k = int(option[2:])
            queries.append(json.dumps({"query": parts[1], "limit": k, "snippet_length": 200}) + "\n")
    batch = subprocess.Popen([search, "--db", db, "--batch", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    for q in queries:  # warm, as the server was
        batch.stdin.write(q.encode()); batch.stdin.flush(); batch.stdout.readline()
    took, errors, until, i = [], 0, time.monotonic() + seconds, 0
    while time.monotonic() < until:
        began = time.perf_counter()
        batch.stdin.write(queries[i % len(queries)].encode())
        batch.stdin.flush()
        answer = batch.stdout.readline()
        took.append(1000 * (time.perf_counter() - began))
        errors += b'"error"' in answer[:200]
        i += 1
    batch.stdin.close()
    batch.wait()
    print(f"batch\tfull\tall\t{len(took)}\t{percentile(took, 50):.3f}\t{percentile(took, 95):.3f}\t"
          f"{percentile(took, 99):.3f}\t{1000 * len(took) / sum(took):.0f}")
    return 1 if errors or batch.returncode else 0


if __name__ == "__main__":
    sys.exit(main())
