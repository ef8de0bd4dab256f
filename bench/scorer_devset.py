"""Rebuild the scorer's development pages (other practices' words, never committed) from clones of their repositories.

    .venv/bin/python -m bench.scorer_devset --clones DIR [--out /work/devset/articles]

For every source in tests/data/scorer/sources.tsv that is a repository (not a path in this one), reads the file at
its commit from DIR/<owner>+<name> (a clone, or a bare mirror with a `repo` folder inside) and writes the page as
bench.train_scorer expects it, <article>.<ext>: a post kept in a JavaScript array (`path#slug`) or a TypeScript
file as Markdown with a `# Title` line; a JSX page or an HTML/Markdown section as HTML. The labels are keyed by
the sha1 of each unit's text, so a page rebuilt differently is reported by train_scorer as "text changed".
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _show(clones: Path, repository: str, commit: str, path: str) -> str:
    folder = clones / repository.replace("/", "+")
    if (folder / "repo").is_dir():
        folder = folder / "repo"
    return subprocess.run(["git", "-C", str(folder), "show", f"{commit}:{path}"], capture_output=True, text=True,
                          check=True).stdout


def _from_array(source: str, slug: str) -> str:
    for match in re.finditer(r'slug:\s*"([^"]+)",.*?content:\s*("(?:[^"\\]|\\.)*"|`[^`]*`)', source, re.DOTALL):
        if match.group(1) == slug:
            body = match.group(2)
            text = json.loads(body) if body.startswith('"') else body[1:-1]
            title = re.findall(r'title:\s*"([^"]+)"', source[:match.start(2)])[-1]
            return f"# {title}\n\n{text}\n"
    raise SystemExit(f"error: no post {slug!r} in the array")


def _from_typescript(source: str) -> str:
    title = re.search(r'title:\s*"([^"]+)"', source)
    body = re.search(r'content:\s*`([^`]*)`', source, re.DOTALL)
    if not (title and body):
        raise SystemExit("error: no title and content in the TypeScript post")
    return f"# {title.group(1)}\n\n{body.group(1).strip()}\n"


def _from_jsx(source: str) -> str:
    source = re.sub(r"(?s)^.*?return\s*\(|^.*?=>\s*<Layout>", "", source, count=1)
    source = re.sub(r"\{/\*.*?\*/\}", "", source, flags=re.DOTALL)
    source = re.sub(r"className=", "class=", source).replace("&apos;", "'")
    source = re.sub(r"<Head>.*?</Head>", "", source, flags=re.DOTALL)
    source = re.sub(r"\{['\"]\s*['\"]\}", " ", source)
    return "<html><body><article>" + source + "</article></body></html>"


def page(clones: Path, repository: str, path: str, commit: str) -> tuple[str, str]:
    """(extension, text) of one development page."""
    file, _, slug = path.partition("#")
    source = _show(clones, repository, commit, file)
    if slug:
        return "md", _from_array(source, slug)
    if file.endswith(".ts"):
        return "md", _from_typescript(source)
    if file.endswith(".jsx"):
        return "html", _from_jsx(source)
    body = re.sub(r"(?s)^---.*?\n---\n", "", source)
    return "html", "<html><body><article>" + body + "</article></body></html>"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clones", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path("/work/devset/articles"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    written = 0
    for line in (ROOT / "tests" / "data" / "scorer" / "sources.tsv").read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("#") or len(fields) < 5:
            continue  # a path in this repository
        article, _, repository, path, commit = fields[:5]
        extension, text = page(args.clones, repository, path, commit)
        (args.out / f"{article}.{extension}").write_text(text, encoding="utf-8")
        written += 1
    print(f"{written} pages written to {args.out}")


if __name__ == "__main__":
    main()
