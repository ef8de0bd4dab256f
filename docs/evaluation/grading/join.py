"""join.py COMMIT SHEET OUT : the sheet with ready and flagged filled back from COMMIT's splits (the graders grade blind)."""
import csv, json, sys
from pathlib import Path
commit, sheet, out = sys.argv[1:4]
rows = list(csv.DictReader(open(sheet, encoding="utf-8"), delimiter="\t"))
cache = {}
for r in rows:
    art = r["article"]
    if art not in cache:
        cache[art] = json.loads((Path("/work/eval/splits") / commit / f"{art}.json").read_text())["tips"]
    t = cache[art][int(r["n"]) - 1]
    assert t["headline"] == r["headline"], (art, r["n"])
    r["ready"] = "yes" if t.get("ready") else "no"
    r["flagged"] = "yes" if "sensitive" in (t.get("review") or []) else "no"
with open(out, "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, list(rows[0].keys()), delimiter="\t"); w.writeheader(); w.writerows(rows)
print(len(rows), "rows ->", out)
