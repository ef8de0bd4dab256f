"""The layer contract (pyproject.toml, checked by `make lint`) names every part of the package, so a new module
cannot sit outside the layers unnoticed, and docs/layers.md shows the same layers."""

from __future__ import annotations

import re
import tomllib

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
