"""tipdiff.py OLD NEW: per article, tips (headline|text) only in OLD, only in NEW; ready and flag changes."""
import json, sys, glob, os
def load(c):
    out = {}
    for f in sorted(glob.glob(f"/work/eval/splits/{c}/*.json")):
        d = json.load(open(f)); tips = d.get("tips") or []
        out[os.path.basename(f)[:-5]] = {(t.get("headline"), t.get("text")): t for t in tips}
    return out
a, b = load(sys.argv[1]), load(sys.argv[2])
changed = 0
for art in sorted(set(a) | set(b)):
    x, y = a.get(art, {}), b.get(art, {})
    gone, new = [k for k in x if k not in y], [k for k in y if k not in x]
    flip = [k for k in x if k in y and (x[k].get("ready"), x[k].get("review")) != (y[k].get("ready"), y[k].get("review"))]
    if gone or new or flip:
        changed += 1
        print(f"{art}: -{len(gone)} +{len(new)} ready/flags changed {len(flip)}")
print(f"{changed} articles changed; tips {sum(map(len, a.values()))} -> {sum(map(len, b.values()))}")
