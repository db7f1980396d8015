"""The CI gate: a baseline of reviewed findings, the choice of what fails, SARIF and GitHub output.

`factcheck check` (checker/commands/gate.py) wires these together: it
classifies each finding against the baseline (`baseline.py`), restricts the
failing ones to new or changed files when asked (`select.py`), decides the
exit status (`outcome.py`) and renders text, JSON, SARIF (`sarif.py`) or
GitHub workflow commands (`github.py`).
"""
