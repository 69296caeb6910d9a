"""Which rules run and with which options: ``Config`` applied to the bound rules.

``select``/``ignore`` take rule ids or families; preview rules run only with
``Config.preview``; ``Config.rules`` holds per-rule options (``[rules.<id>]`` in a
settings file), validated by each rule's own options model.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError

from followup_lint.config import Config
from followup_lint.datafiles import describe
from followup_lint.errors import ConfigError
from followup_lint.rule import Rule, RuleOptions


def select_rules(rules: Iterable[Rule], config: Config) -> list[Rule]:
    """Rules enabled by ``config``: ``select``/``ignore`` (ids or family names) and, for
    preview rules, ``preview``."""
    rules = list(rules)
    ids = {r.id for r in rules}
    known = ids | {r.family for r in rules}
    for name in (*config.select, *config.ignore, *config.severity):
        if name not in known:
            raise ConfigError(
                f"unknown rule or family {name!r}; known: {', '.join(sorted(known))}"
            )
    for name in config.severity:
        if name not in ids:
            raise ConfigError(f"severity overrides take rule ids, not families: {name!r}")

    def wanted(rule: Rule) -> bool:
        if rule.spec.status == "preview" and not config.preview:
            return False
        selected = not config.select or rule.id in config.select or rule.family in config.select
        ignored = rule.id in config.ignore or rule.family in config.ignore
        return selected and not ignored

    return [r for r in rules if wanted(r)]


def _shorthands(config: Config) -> dict[str, dict[str, Any]]:
    """Config fields kept as shorthands for one rule's option."""
    found: dict[str, dict[str, Any]] = {}
    if config.vocabulary:
        found["spelling"] = {"vocabulary": config.vocabulary}
    if config.template_variables:
        found["unfilled-placeholder"] = {"template-variables": config.template_variables}
    if config.handwritten_note_for is not None:
        found["handwritten-note"] = {"fields": config.handwritten_note_for}
    return found


def resolve_options(rules: Iterable[Rule], config: Config) -> dict[str, RuleOptions]:
    """Each rule's options: its defaults, then the Config shorthands, then ``Config.rules``.

    An unknown rule id or option, or a bad value, raises ConfigError naming the rule and
    the key (the settings loader adds the file).
    """
    by_id = {r.id: r for r in rules}
    for rule_id in config.rules:
        if rule_id not in by_id:
            raise ConfigError(f"rules.{rule_id}: unknown rule; known: "
                              f"{', '.join(sorted(by_id))}")
    shorthands = _shorthands(config)
    resolved: dict[str, RuleOptions] = {}
    for rule in by_id.values():
        given = dict(shorthands.get(rule.id, {}))
        for key, value in config.rules.get(rule.id, {}).items():
            canonical = key.replace("_", "-")
            if canonical == "vocabulary" and "vocabulary" in given:
                value = (*given["vocabulary"], *value)
            given[canonical] = value
        if not given:
            resolved[rule.id] = rule.defaults
            continue
        try:
            resolved[rule.id] = rule.options_model.model_validate(given)
        except ValidationError as exc:
            raise ConfigError(f"rules.{rule.id}: {describe(exc, option_names(rule))}") from None
    return resolved


def option_names(rule: Rule) -> list[str]:
    """The options a rule accepts, as written in settings files."""
    return sorted(f.alias or name for name, f in rule.options_model.model_fields.items())
