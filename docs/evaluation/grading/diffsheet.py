"""diffsheet.py OLD NEW OUT: a blind sheet of the tips that differ between two commits' splits (in one and not the
other, by headline+text), shuffled with a fixed seed; a key file OUT.key says which side each row came from."""
import csv, json, random, sys
from pathlib import Path
old, new, out = sys.argv[1:4]
S = Path("/work/eval/splits")
def tips(c, art):
    return [(t["headline"], t["text"].replace("\n", " / ")) for t in json.loads((S / c / f"{art}.json").read_text())["tips"]]
rows = []
for f in sorted((S / new).glob("*.json")):
    art = f.stem
    a, b = tips(old, art), tips(new, art)
    for side, mine, other in (("before", a, b), ("after", b, a)):
        for h, t in mine:
            if (h, t) not in other:
                rows.append({"article": art, "headline": h, "text": t, "side": side})
random.Random(7).shuffle(rows)
with open(out, "w", newline="", encoding="utf-8") as fh:
    w = csv.writer(fh, delimiter="\t"); w.writerow(["row", "article", "headline", "text", "grade", "should_flag", "reason"])
    for i, r in enumerate(rows, 1): w.writerow([i, r["article"], r["headline"], r["text"], "", "", ""])
with open(out + ".key", "w") as fh:
    for i, r in enumerate(rows, 1): fh.write(f"{i}\t{r['side']}\n")
print(len(rows), "rows")
