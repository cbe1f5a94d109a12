"""Check settings: defaults, then the project's configuration file, then the command line.

The configuration is the `[tool.framing]` table of a `pyproject.toml`, or the whole of a
`.framing.toml` (which may also use a `[tool.framing]` table), found by walking up from the
checked file's folder; in one folder `.framing.toml` wins. Its `overrides` table applies
further settings to files matching a glob, relative to the configuration file's folder:

    [tool.framing]
    ignore = ["FR3"]
    threshold = 0.6                 # or {loaded = 0.7, opinion = 0.6}
    allow = ["crisis", "radical"]   # terms that are never findings
    severity = {FR201 = "error"}
    include-quoted = false
    fail-on = "warning"

    [tool.framing.overrides."opinion/*.md"]
    ignore = ["FR201", "FR401"]
"""
from __future__ import annotations

import fnmatch
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import dimensions
from ..errors import FramingError
from .rules import RULES, SEVERITIES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

FAIL_ON = (*SEVERITIES, "never")
CONFIG_FILES = (".framing.toml", "pyproject.toml")
_KEYS = {"select", "ignore", "threshold", "allow", "severity", "include-quoted", "fail-on", "overrides"}


class ConfigError(FramingError):
    """A configuration file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ("FR",)
    ignore: tuple[str, ...] = ()
    thresholds: tuple[tuple[str, float], ...] = ()  # (dimension, probability); empty: the models' own
    allow: frozenset[str] = frozenset()  # lower-cased terms that are never findings
    severity: tuple[tuple[str, str], ...] = ()  # (rule id, severity) overrides
    include_quoted: bool = False
    fail_on: str = "warning"

    def severity_of(self, rule_id: str) -> str:
        return dict(self.severity).get(rule_id, RULES[rule_id].severity)


@dataclass(frozen=True)
class Config:
    """One configuration file's settings, and its per-glob overrides (applied in order)."""

    path: Path | None = None
    table: dict = field(default_factory=dict)
    overrides: tuple[tuple[str, dict], ...] = ()

    def settings_for(self, file: str, base: Settings = Settings()) -> Settings:
        settings = apply(base, self.table, self.path)
        if self.path is None:
            return settings
        try:
            relative = Path(file).resolve().relative_to(self.path.parent.resolve()).as_posix()
        except ValueError:
            relative = Path(file).as_posix()
        for glob, table in self.overrides:
            if fnmatch.fnmatch(relative, glob) or fnmatch.fnmatch(Path(relative).name, glob):
                settings = apply(settings, table, self.path, f"overrides.{glob!r}.")
        return settings


def _thresholds(value, where: str) -> tuple[tuple[str, float], ...]:
    names = dimensions.names()
    chosen = dict.fromkeys(names, value) if isinstance(value, (int, float)) else value
    if not isinstance(chosen, dict):
        raise ConfigError(f"{where}threshold: give a probability or a table of dimension = probability")
    for name, probability in chosen.items():
        if name not in names or isinstance(probability, bool) or not isinstance(probability, (int, float)) \
                or not 0.0 < probability < 1.0:
            raise ConfigError(f"{where}threshold: {name} = {probability!r}: give one of {', '.join(names)} "
                              "with a probability between 0 and 1")
    return tuple(sorted((name, float(p)) for name, p in chosen.items()))


def _rule_list(value, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{key}: give a list of rule ids or prefixes")
    unknown = [v for v in value if not any(r.startswith(v.upper()) for r in RULES)]
    if unknown:
        raise ConfigError(f"{key}: no rule {', '.join(unknown)} (rules: {', '.join(RULES)})")
    return tuple(v.upper() for v in value)


def apply(settings: Settings, table: dict, path: Path | None = None, prefix: str = "") -> Settings:
    """`settings` with the keys of one configuration table (or the command line's) applied."""
    where = f"{path}: {prefix}" if path else prefix
    unknown = set(table) - _KEYS - ({"tool"} if not prefix else set())
    if unknown:
        raise ConfigError(f"{where}unknown key {', '.join(sorted(unknown))} (known: {', '.join(sorted(_KEYS))})")
    changes: dict = {}
    if "select" in table:
        changes["select"] = _rule_list(table["select"], f"{where}select")
    if "ignore" in table:
        changes["ignore"] = settings.ignore + _rule_list(table["ignore"], f"{where}ignore")
    if "threshold" in table:
        changes["thresholds"] = tuple(sorted({**dict(settings.thresholds),
                                              **dict(_thresholds(table["threshold"], where))}.items()))
    if "allow" in table:
        if not isinstance(table["allow"], list) or not all(isinstance(t, str) for t in table["allow"]):
            raise ConfigError(f"{where}allow: give a list of terms")
        changes["allow"] = settings.allow | {" ".join(t.lower().split()) for t in table["allow"]}
    if "severity" in table:
        chosen = table["severity"]
        if not isinstance(chosen, dict) or any(r.upper() not in RULES or s not in SEVERITIES
                                               for r, s in chosen.items()):
            raise ConfigError(f"{where}severity: give a table of rule id = one of {', '.join(SEVERITIES)}")
        changes["severity"] = tuple(sorted({**dict(settings.severity),
                                            **{r.upper(): s for r, s in chosen.items()}}.items()))
    if "include-quoted" in table:
        if not isinstance(table["include-quoted"], bool):
            raise ConfigError(f"{where}include-quoted: give true or false")
        changes["include_quoted"] = table["include-quoted"]
    if "fail-on" in table:
        if table["fail-on"] not in FAIL_ON:
            raise ConfigError(f"{where}fail-on: give one of {', '.join(FAIL_ON)}")
        changes["fail_on"] = table["fail-on"]
    return replace(settings, **changes)


def _read_table(path: Path) -> dict | None:
    """The framing table of a configuration file, or None when a pyproject.toml has none."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    table = data.get("tool", {}).get("framing")
    if path.name == ".framing.toml" and table is None:
        table = {k: v for k, v in data.items() if k != "tool"}
    return table


def load_config(path: Path) -> Config:
    """The configuration in one file (a `.framing.toml` or a `pyproject.toml`)."""
    table = _read_table(path)
    if table is None:
        raise ConfigError(f"{path}: has no [tool.framing] table")
    table = dict(table)
    overrides = table.pop("overrides", {})
    if not isinstance(overrides, dict) or not all(isinstance(t, dict) for t in overrides.values()):
        raise ConfigError(f"{path}: overrides: give a table of glob = settings")
    for glob, settings in overrides.items():
        apply(Settings(), settings, path, f"overrides.{glob!r}.")  # refuse bad overrides up front
    apply(Settings(), table, path)
    return Config(path, table, tuple(overrides.items()))


def find_config(file: str) -> Config:
    """The configuration that governs `file`: the nearest `.framing.toml`, or `pyproject.toml`
    with a `[tool.framing]` table, in its folder or above; none found: the defaults."""
    folder = Path(file).resolve().parent if file != "-" else Path.cwd().resolve()
    for directory in (folder, *folder.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file() and _read_table(candidate) is not None:
                return load_config(candidate)
    return Config()
