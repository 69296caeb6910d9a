#!/usr/bin/env bash
# The lint step of action.yml. Reads the Action's inputs from FOLLOWUP_LINT_* variables
# and GitHub's GITHUB_STEP_SUMMARY / GITHUB_OUTPUT files; runnable locally with the same
# variables (FOLLOWUP_LINT_PYTHON picks the interpreter, default "python").
set -uo pipefail

python="${FOLLOWUP_LINT_PYTHON:-python}"
read -r -d '' -a paths <<< "${FOLLOWUP_LINT_PATHS:-.}"
read -r -d '' -a extra <<< "${FOLLOWUP_LINT_ARGS:-}"
args=(--format github)
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
    args+=(--write "summary=$GITHUB_STEP_SUMMARY")
fi
if [ -n "${FOLLOWUP_LINT_SARIF:-}" ]; then
    args+=(--write "sarif=$FOLLOWUP_LINT_SARIF")
fi
if [ -n "${FOLLOWUP_LINT_FAIL_ON:-}" ]; then
    args+=(--fail-on "$FOLLOWUP_LINT_FAIL_ON")
fi

"$python" -m followup_lint "${args[@]}" "${extra[@]}" -- "${paths[@]}"
status=$?
if [ -n "${GITHUB_OUTPUT:-}" ]; then
    echo "exit-code=$status" >> "$GITHUB_OUTPUT"
fi
exit "$status"
