"""Rule packs, from files to runnable rules (STAGE 2).

``schema`` (what a pack may hold) -> ``safety`` (the patterns' run-time budget) ->
``loading`` (find and validate ``<family>/<rule-id>.toml``) -> ``compiling`` (shared
matchers for the data kinds) -> ``binding`` (one ``Rule`` per pack, with its Python
module if it has one) -> ``checking`` (``followup-lint check-rules DIR``).
"""
