"""Click commands that live outside checker/cli.py; the main group registers them with ``add_command``."""
