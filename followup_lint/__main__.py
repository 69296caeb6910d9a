"""``python -m followup_lint`` runs the command line."""

import os
import sys

# ``python -m`` puts the current directory first on sys.path: in a repository being
# linted, files named like spaCy, its dependencies or a pipeline package must not be
# imported in their place (spaCy and the pipeline load after this line).
_here = os.path.realpath(os.getcwd())
sys.path[:] = [p for p in sys.path if p and os.path.realpath(p) != _here]

from followup_lint.cli import main  # noqa: E402

raise SystemExit(main())
