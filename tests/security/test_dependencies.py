"""Dependencies are pinned: constraints.txt holds an exact version of every package, each pin
satisfies pyproject.toml, and the documented install (README, .ci/run) uses it."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parents[2]
CONSTRAINTS = REPO / "constraints.txt"
PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^\s;#]+)$")


def pins() -> dict[str, Version]:
    found: dict[str, Version] = {}
    for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        match = PIN.match(line.strip())
        assert match, f"not an exact pin: {line!r}"
        found[canonicalize_name(match["name"])] = Version(match["version"])
    return found


def declared() -> list[Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(r) for r in [*project["dependencies"], *project["optional-dependencies"]["test"]]]


def test_every_runtime_and_test_dependency_is_pinned_to_a_version_pyproject_allows() -> None:
    pinned = pins()
    problems = []
    for requirement in declared():
        name = canonicalize_name(requirement.name)
        if name not in pinned:
            problems.append(f"{requirement.name} is not in constraints.txt")
        elif not requirement.specifier.contains(pinned[name], prereleases=True):
            problems.append(f"{requirement.name}=={pinned[name]} does not satisfy {requirement.specifier}")
    assert problems == []


def test_the_install_commands_use_the_constraints() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert '-c constraints.txt -e ".[test]"' in readme
    assert '-c constraints.txt -e ".[test]"' in ci
