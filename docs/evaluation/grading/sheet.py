"""sheet.py COMMIT [--from SHEET ...] --articles a,b,c --out SHEET
A grading sheet (TSV) for every tip of COMMIT's splits of the given articles. A tip whose article, headline and
text are word for word a tip in one of the --from sheets keeps that grade, keys and should_flag (marked carried);
the rest are left blank for the grader.
Columns: article, n, headline, text, ready, flagged, grade, keys, should_flag, reason, carried"""
import argparse, csv, json, sys
from pathlib import Path

COLS = ["article", "n", "headline", "text", "ready", "flagged", "grade", "keys", "should_flag", "reason", "carried"]

def tips(commit, article):
    data = json.loads((Path("/work/eval/splits") / commit / f"{article}.json").read_text())
    for n, t in enumerate(data["tips"], 1):
        yield {"article": article, "n": str(n), "headline": t["headline"], "text": t["text"].replace("\n", " / "),
               "ready": "hidden", "flagged": "hidden"}  # blind: join.py fills them back after grading

def main():
    p = argparse.ArgumentParser(); p.add_argument("commit"); p.add_argument("--from", dest="old", nargs="*", default=[])
    p.add_argument("--articles", required=True); p.add_argument("--out", required=True)
    a = p.parse_args()
    old = {}
    for f in a.old:
        for row in csv.DictReader(open(f, encoding="utf-8"), delimiter="\t"):
            if row["grade"]:
                old[(row["article"], row["headline"], row["text"])] = row
    rows, carried = [], 0
    for art in a.articles.split(","):
        for t in tips(a.commit, art):
            o = old.get((t["article"], t["headline"], t["text"]))
            if o:
                carried += 1
                t.update(grade=o["grade"], keys=o["keys"], should_flag=o["should_flag"], reason=o["reason"], carried="yes")
            else:
                t.update(grade="", keys="", should_flag="", reason="", carried="")
            rows.append(t)
    with open(a.out, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, COLS, delimiter="\t"); w.writeheader(); w.writerows(rows)
    print(f"{len(rows)} tips, {carried} carried, {len(rows) - carried} to grade -> {a.out}")

main()
