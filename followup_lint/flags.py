"""Command-line flags shared by ``followup-lint`` and ``followup-lint batch``: argument
types and the settings a run gets when its flags are laid over a settings file."""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import TYPE_CHECKING

from followup_lint.model import Severity

if TYPE_CHECKING:
    from followup_lint.settings import Settings


def split_values(values: list[str] | None) -> list[str]:
    return [v.strip() for item in values or [] for v in item.split(",") if v.strip()]


def positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def effective_settings(settings: Settings, args: argparse.Namespace) -> Settings:
    """File settings with the command-line flags laid over them."""
    updates: dict[str, object] = {}
    if args.mode:
        updates["mode"] = args.mode
    if args.select:
        updates["select"] = tuple(split_values(args.select))
    if args.ignore:
        updates["ignore"] = tuple(split_values(args.ignore))
    if args.model:
        updates["model"] = args.model
    if args.preview:
        updates["preview"] = True
    if args.no_excerpts:
        updates["redact"] = True
    if args.max_chars:
        updates["max_chars"] = args.max_chars
    if args.vocabulary:
        updates["vocabulary"] = settings.config.vocabulary + tuple(split_values(args.vocabulary))
    config = settings.config.model_validate({**settings.config.model_dump(), **updates})
    fail_on = Severity(args.fail_on) if args.fail_on else settings.fail_on
    return replace(settings, config=config, fail_on=fail_on)
