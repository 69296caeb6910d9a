"""``python -m followup_lint`` runs the command line."""

from followup_lint.cli import main

raise SystemExit(main())
