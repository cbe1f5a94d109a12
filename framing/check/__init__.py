"""A writer's check mode: framing's verdicts as linter findings with stable rule ids.

    >>> from framing.check import check_text
    >>> checked = check_text("The brutal and devastating crackdown was a disgrace.")
    >>> [f.rule for f in checked.findings]
    ['FR101', 'FR201']
"""
from __future__ import annotations

from .config import ConfigError, Settings, find_config, load_config
from .engine import CheckedFile, CheckRun, Finding, check_file, check_paths, check_text, reaches, run_check
from .formats import FORMATS
from .rules import RULES, Rule

__all__ = ["check_text", "check_file", "check_paths", "run_check", "reaches", "CheckRun", "CheckedFile", "Finding", "Settings",
           "ConfigError", "find_config", "load_config", "FORMATS", "RULES", "Rule"]
