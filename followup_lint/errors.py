"""Exceptions raised by followup_lint; each carries a message a user can act on."""

from __future__ import annotations


class FollowupLintError(Exception):
    """Base class for every error this package raises on purpose."""


class ModelNotInstalledError(FollowupLintError):
    """The configured spaCy pipeline is not installed."""


class RulePackError(FollowupLintError):
    """A rule pack file is malformed; the message names the file, the key and the reason."""


class InputTooLargeError(FollowupLintError, ValueError):
    """A draft is longer than ``Config.max_chars``."""


class ConfigError(FollowupLintError):
    """A configuration value or file is invalid."""


class InputError(FollowupLintError, ValueError):
    """A file cannot be linted (unreadable, binary, bad front matter); names the file."""
