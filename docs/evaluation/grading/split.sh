#!/usr/bin/env bash
# split.sh COMMIT [ARTICLE...] : split every article in /work/eval/articles (or only the named ones) with juno-scheduler at COMMIT
# writes /work/eval/splits/COMMIT/<article>.json (and .err when split refused)
set -u
commit=$1; shift
wt=/work/eval/wt-$commit
out=/work/eval/splits/$commit
[ -d "$wt" ] || git -C /work/main worktree add --detach "$wt" "$commit" >/dev/null 2>&1
mkdir -p "$out"
if [ $# -gt 0 ]; then set -- $(for n in "$@"; do ls /work/eval/articles/"$n".*; done); else set -- /work/eval/articles/*; fi
for a in "$@"; do
  name=$(basename "$a"); name=${name%.*}
  scratch=$(mktemp -d)
  cp -r "$wt/assets" "$scratch/"; mkdir -p "$scratch/posts/articles"; cp "$wt/posts/schedule.yaml" "$scratch/posts/"
  cp "$a" "$scratch/posts/articles/"  # split reads only articles inside the project (as the manager keeps them)
  (cd "$wt" && /work/main/.venv/bin/python -m scheduler --root "$scratch" split "$scratch/posts/articles/$(basename "$a")" --json > "$out/$name.json" 2> "$out/$name.err")
  [ -s "$out/$name.err" ] || rm -f "$out/$name.err"
  rm -rf "$scratch"
done
ls "$out" | wc -l
