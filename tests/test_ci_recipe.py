"""The shipped CI recipe works in a user's repository: the GitHub workflow's own steps and the pre-commit
hook install the checker itself, pinned, never the repository they run in. Both are run for real in a
separate temporary repository that has a pyproject.toml of its own (a newsroom project, not factcheck)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.trust_helpers import FIRST, SECOND, git

WORKFLOW = ROOT / ".github" / "workflows" / "factcheck.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _user_repository(tmp_path: Path) -> Path:
    """A newsroom's repository: its own pyproject.toml, one article on main, a pull request adding another
    that contradicts it, and an 'origin' remote so that origin/main exists as on a CI runner."""
    origin = tmp_path / "origin.git"
    repo = tmp_path / "newsroom"
    (repo / "seeds").mkdir(parents=True)
    (repo / "pyproject.toml").write_text('[project]\nname = "newsroom-site"\nversion = "1.0"\n', encoding="utf-8")
    (repo / "seeds" / "a.txt").write_text(FIRST, encoding="utf-8")
    git(tmp_path, "init", "-q", "--bare", str(origin))
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "first article")
    git(repo, "remote", "add", "origin", str(origin))
    git(repo, "push", "-q", "origin", "main")
    git(repo, "checkout", "-qb", "new-article")
    (repo / "seeds" / "b.txt").write_text(SECOND, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "second article")
    return repo


def _checker_spec() -> str:
    """This checkout of factcheck at its current commit, as the workflow's pinned requirement would name it."""
    head = git(ROOT, "rev-parse", "HEAD").strip()
    return f"factcheck @ git+file://localhost{ROOT}@{head}"  # PEP 508 wants a host in a file URL


def _steps() -> list[dict[str, str]]:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return [step for step in workflow["jobs"]["check"]["steps"] if "run" in step]


def test_the_workflow_pins_the_checker_and_never_installs_the_repository() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    spec = workflow["env"]["FACTCHECK_SPEC"]
    assert spec.startswith("factcheck @ git+") and "@v" in spec.split("git+", 1)[1]
    scripts = " ".join(step["run"] for step in _steps())
    for unpinned in ("pip install .", "pip install -e", "install --editable", "pip install -r"):
        assert unpinned not in scripts
    assert '"$FACTCHECK_SPEC"' in scripts


def test_the_workflow_steps_run_in_a_user_repository(tmp_path: Path) -> None:
    repo = _user_repository(tmp_path)
    runner = tmp_path / "runner"
    runner.mkdir()
    github_path = runner / "path"
    github_path.touch()
    env = {**os.environ, "RUNNER_TEMP": str(runner), "GITHUB_PATH": str(github_path),
           "GITHUB_BASE_REF": "main", "FACTCHECK_SPEC": _checker_spec()}
    env.pop("VIRTUAL_ENV", None)
    env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if ".venv" not in p)
    install, sarif, annotate = _steps()
    done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", install["run"]], cwd=repo,
                          env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    installed = github_path.read_text(encoding="utf-8").strip()
    pip_list = subprocess.run([f"{installed}/python", "-m", "pip", "list"], capture_output=True, text=True,
                              check=True).stdout
    assert "factcheck" in pip_list and "newsroom-site" not in pip_list
    env["PATH"] = installed + os.pathsep + env["PATH"]
    first = subprocess.run(["bash", "-eo", "pipefail", "-c", sarif["run"]], cwd=repo, env=env,
                           capture_output=True, text=True, timeout=600, check=False)
    assert first.returncode == 0, first.stderr
    assert '"version": "2.1.0"' in (repo / "factcheck.sarif").read_text(encoding="utf-8")
    second = subprocess.run(["bash", "-eo", "pipefail", "-c", annotate["run"]], cwd=repo, env=env,
                            capture_output=True, text=True, timeout=600, check=False)
    assert second.returncode == 1, second.stdout + second.stderr
    assert "::error file=seeds/b.txt,line=1" in second.stdout


@pytest.mark.skipif(not PRE_COMMIT.exists(), reason="needs pre-commit (the test extra)")
def test_the_pre_commit_hook_runs_in_a_user_repository(tmp_path: Path) -> None:
    repo = _user_repository(tmp_path)
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert [hook["language"] for hook in hooks] == ["python"]  # pre-commit installs this repository, pinned
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    env.pop("VIRTUAL_ENV", None)
    # try-repo: the hook exactly as a user's `repo:`/`rev:` entry would install it (uncommitted changes too).
    done = subprocess.run([str(PRE_COMMIT), "try-repo", str(ROOT), "factcheck", "--all-files"], cwd=repo,
                          env=env, capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 1, done.stdout[-3000:] + done.stderr[-2000:]
    assert "factcheck (contradictions between articles)" in done.stdout and "Failed" in done.stdout
    assert "seeds/a.txt:1:1: error FC-time-contradiction" in done.stdout
    (repo / "seeds" / "b.txt").write_text(FIRST.replace("the city", "officials"), encoding="utf-8")
    again = subprocess.run([str(PRE_COMMIT), "try-repo", str(ROOT), "factcheck", "--all-files"], cwd=repo,
                           env=env, capture_output=True, text=True, timeout=900, check=False)
    assert again.returncode == 0, again.stdout[-3000:]
    assert "Passed" in again.stdout
