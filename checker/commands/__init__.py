"""Click commands that live outside checker/cli.py and are registered on its group with ``add_command``.

checker.cli is imported first on purpose: it registers these commands at its
end, and they import its shared options, so whichever module is imported
first, checker.cli's definitions exist before a command module needs them.
"""

import checker.cli  # noqa: F401
