"""The layer contract (pyproject.toml, checked by `make lint`) names every part of the package, so a new module
cannot sit outside the layers unnoticed, and docs/layers.md shows the same layers. An import inside a function
says why it is there (`# lazy: reason`): it keeps a heavy module out of a path that must stay light."""

from __future__ import annotations

import ast
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import REPO

CONTRACTS = {c["id"]: c for c in tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
             ["tool"]["importlinter"]["contracts"]}
PARTS = {f"scheduler.{path.stem if path.suffix == '.py' else path.name}" for path in (REPO / "scheduler").iterdir()
         if (path.suffix == ".py" and path.stem != "__init__") or (path / "__init__.py").exists()}


def layered() -> list[set[str]]:
    return [{name.strip() for name in re.split(r"[|:]", layer)} for layer in CONTRACTS["layers"]["layers"]]


def test_every_module_and_package_of_scheduler_is_in_a_layer():
    named = set().union(*layered())
    covered = {part for part in PARTS if part in named or any(name.startswith(part + ".") for name in named)}
    assert covered == PARTS, f"put {sorted(PARTS - covered)} in a layer of pyproject.toml (docs/layers.md)"
    split = {name.rsplit(".", 1)[0] for name in named if name.count(".") > 1}
    for package in split:  # a package split across layers names every module of it
        modules = {f"{package}.{path.stem}" for path in (REPO / package.replace(".", "/")).glob("*.py")
                   if path.stem != "__init__"}
        assert modules <= named, f"{package}: {sorted(modules - named)} in no layer"


def test_the_networks_leaf_contract_watches_everything_outside_networks():
    assert set(CONTRACTS["networks-leaf"]["source_modules"]) == PARTS - {"scheduler.networks"}
    networks = {f"scheduler.networks.{path.stem if path.suffix == '.py' else path.name}"
                for path in (REPO / "scheduler" / "networks").iterdir()
                if (path / "__init__.py").exists() or path.stem not in {"__init__", "base", "policy", "logs"}
                and path.suffix == ".py"}
    assert set(CONTRACTS["networks-leaf"]["forbidden_modules"]) == networks
    assert set(CONTRACTS["networks-independent"]["modules"]) == networks


def test_the_front_door_contract_forbids_every_part_below_the_project_but_the_public_vocabulary():
    """A part added below the Project is forbidden to the CLI, the studio, the demo and the tables unless it is
    one of the public modules; the exceptions are the CLI's few, each named."""
    contract = CONTRACTS["front-door"]
    layers = layered()
    below = set().union(*layers[layers.index({"scheduler.project"}) + 1:])
    public = {"scheduler.errors", "scheduler.results", "scheduler.version"}
    parts = {name if name.count(".") == 1 else name.rsplit(".", 1)[0] for name in below} - public
    assert set(contract["forbidden_modules"]) == parts
    assert set(contract["source_modules"]) == {"scheduler.cli", "scheduler.studio", "scheduler.demo",
                                                "scheduler.terminal"}
    assert all(line.startswith("scheduler.cli -> ") for line in contract["ignore_imports"])
    page = (REPO / "docs" / "layers.md").read_text(encoding="utf-8")
    for line in contract["ignore_imports"]:
        assert f"`{line.split(' -> ')[1]}`" in page, f"docs/layers.md: say why the CLI imports {line}"


def test_docs_layers_shows_the_contracts_layers_in_order():
    page = (REPO / "docs" / "layers.md").read_text(encoding="utf-8")
    table = re.search(r"```text\n(.*?)```", page, flags=re.DOTALL).group(1)
    rows = [set(re.findall(r"scheduler(?:\.[\w]+)+", line)) for line in table.splitlines()]
    rows = [row for row in rows if row]
    assert rows == layered()


LAZY = re.compile(r"#\s*lazy:\s*\S")


def _bodies(node: ast.AST) -> Iterator[list[ast.stmt]]:
    for name in ("body", "orelse", "finalbody"):
        body = getattr(node, name, None)
        if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
            yield body
    for handler in getattr(node, "handlers", ()):
        yield handler.body
    for case in getattr(node, "cases", ()):
        yield case.body


def _type_checking(node: ast.stmt) -> bool:
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and (getattr(test, "id", None) == "TYPE_CHECKING"
                                         or getattr(test, "attr", None) == "TYPE_CHECKING")


def imports_inside_functions(tree: ast.Module, lines: list[str]) -> Iterator[tuple[int, bool]]:
    """(line, has a reason) for every import inside a function (left out: those under `if TYPE_CHECKING:`).
    The reason is a `# lazy: ...` comment at the end of the import's lines or in the comment lines just above
    it; a run of imports with no line between them shares the first one's."""

    def walk(node: ast.AST, in_function: bool) -> Iterator[tuple[int, bool]]:
        inside = in_function or isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        for body in _bodies(node):
            reasoned_run = False
            for index, statement in enumerate(body):
                if isinstance(statement, ast.Import | ast.ImportFrom):
                    previous = body[index - 1] if index else None
                    if not (reasoned_run and isinstance(previous, ast.Import | ast.ImportFrom)
                            and previous.end_lineno == statement.lineno - 1):
                        reasoned_run = _reasoned(statement, lines)
                    if inside:
                        yield statement.lineno, reasoned_run
                elif not _type_checking(statement):
                    reasoned_run = False
                    yield from walk(statement, inside)
                else:
                    reasoned_run = False

    yield from walk(tree, False)


def _reasoned(statement: ast.stmt, lines: list[str]) -> bool:
    if any(LAZY.search(line) for line in lines[statement.lineno - 1:statement.end_lineno]):
        return True
    above = statement.lineno - 2
    while above >= 0 and lines[above].strip().startswith("#"):
        if LAZY.match(lines[above].strip()):
            return True
        above -= 1
    return False


def unreasoned_imports(root: Path) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        found += [f"{path.relative_to(REPO)}:{line}: {lines[line - 1].strip()}"
                  for line, reasoned in imports_inside_functions(ast.parse(text), lines) if not reasoned]
    return found


def test_every_import_inside_a_function_says_why():
    unreasoned = unreasoned_imports(REPO / "scheduler")
    assert not unreasoned, ("import at the top of the module, or, where that would load a heavy module on a light "
                            "path (run-due with nothing due, --help), say so above it in one line, "
                            "`# lazy: ...`:\n" + "\n".join(unreasoned))


def test_the_reason_check_reads_comments_and_runs(tmp_path):
    module = tmp_path / "example.py"
    module.write_text("""import os
from typing import TYPE_CHECKING


def plain():
    import json
    if TYPE_CHECKING:
        import yaml


def reasoned():
    # lazy: keeps PIL out of the fast path
    from PIL import Image
    from PIL import ImageDraw
    import io  # lazy: io for the example

    import re
    try:
        # lazy:
        import csv
    except ImportError:
        pass
""", encoding="utf-8")
    lines = module.read_text(encoding="utf-8").splitlines()
    assert list(imports_inside_functions(ast.parse("\n".join(lines)), lines)) == [
        (6, False), (13, True), (14, True), (15, True), (17, False), (20, False)]
