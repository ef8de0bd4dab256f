"""figures.py SHEET [SHEET ...] : counts per article and in total, in docs/evaluation's grades TSV format.
Key tips: /work/eval/keys/<article>.txt, one numbered key tip a line ('1. ...')."""
import csv, re, sys
from collections import defaultdict
from pathlib import Path

rows = [r for f in sys.argv[1:] for r in csv.DictReader(open(f, encoding="utf-8"), delimiter="\t")]
ungraded = [r for r in rows if r["grade"] not in ("A", "B", "C")]
if ungraded:
    sys.exit(f"{len(ungraded)} tips ungraded, e.g. {ungraded[0]['article']} #{ungraded[0]['n']}")
by = defaultdict(list)
for r in rows: by[r["article"]].append(r)
cols = ["tips", "A", "B", "C", "key_tips", "found", "ready", "ready_A", "sensitive_missed", "sensitive_false"]
print("article\t" + "\t".join(cols))
tot = defaultdict(int)
for art in sorted(by):
    rs = by[art]
    keys = [l for l in (Path("/work/eval/keys") / f"{art}.txt").read_text().splitlines() if re.match(r"\s*\d+[.)]", l)]
    found = set()
    for r in rs:
        if r["grade"] in "AB":
            found |= {k.strip() for k in r["keys"].replace(";", ",").split(",") if k.strip().isdigit()}
    c = dict(tips=len(rs), A=sum(r["grade"] == "A" for r in rs), B=sum(r["grade"] == "B" for r in rs),
             C=sum(r["grade"] == "C" for r in rs), key_tips=len(keys), found=len(found & {str(i) for i in range(1, len(keys) + 1)}),
             ready=sum(r["ready"] == "yes" for r in rs), ready_A=sum(r["ready"] == "yes" and r["grade"] == "A" for r in rs),
             sensitive_missed=sum(r["should_flag"] == "yes" and r["flagged"] == "no" for r in rs),
             sensitive_false=sum(r["should_flag"] == "no" and r["flagged"] == "yes" for r in rs))
    for k in cols: tot[k] += c[k]
    print(art + "\t" + "\t".join(str(c[k]) for k in cols))
print("TOTAL\t" + "\t".join(str(tot[k]) for k in cols))
t = tot
print(f"# A {100*t['A']/t['tips']:.0f} % B {100*t['B']/t['tips']:.0f} % C {100*t['C']/t['tips']:.0f} % "
      f"found {100*t['found']/max(1,t['key_tips']):.0f} % ({t['found']}/{t['key_tips']}) "
      f"ready precision {100*t['ready_A']/max(1,t['ready']):.0f} % ({t['ready_A']} of {t['ready']}) "
      f"sensitive {t['sensitive_missed']} missed, {t['sensitive_false']} false", file=sys.stderr)
