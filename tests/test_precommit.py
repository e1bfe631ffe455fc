"""The pre-commit hook (.pre-commit-hooks.yaml) end to end: `pre-commit try-repo` this checkout from a
temporary git repository, and check that the hook fails on a bad goal document and passes on a good one.

The hook is tried at the checkout's HEAD commit (`--ref`), which is what a team's pre-commit config
pins: both runs share one installed environment, and work in progress that is not committed yet (an
untracked new module) cannot break the build. pre-commit builds a virtual environment and installs
smmrules from the checkout, so this test takes tens of seconds and needs PyPI for the build backend.
PRE_COMMIT_HOME points into tmp_path, so nothing is left behind.
"""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BAD = """\
client: Problem Co
bugdet: 900 GBP/month

goal: get more followers
"""

# the hook runs on the calendar's date: the brief starts today, so its deadline is never in the past
GOOD = f"""\
client: Clean Co
start: {dt.date.today().isoformat()}
role: one-of-sources
paid-ads: yes
budget: 1000 USD/month
history: 2 months
lead-processing: yes
baseline: followers 3200; monthly sales 410

goal sales: increase monthly sales 20% within 6 months
  task: raise conversion from first touch to sale
"""


# a Markdown file that is not a brief (no goals heading, no goal labels): no findings
README = "# Tools\n\nHow we work: plans in `briefs/`, one brief a client.\n"
BAD_MD = "# Brief\n\n## Goals\n\n- Ціль: збільшити продажі\n"
MESSY = "GOAL:   get 300 leads a month by 2030-09\n    TASK: run paid traffic\n"
MESSY_FORMATTED = "goal: get 300 leads a month by 2030-09\n  task: run paid traffic\n"


def clean_env(tmp_path: Path) -> dict[str, str]:
    # GIT_DIR and friends (set when the suite runs inside a git hook) would point git at another repo
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), PRE_COMMIT_COLOR="never", NO_COLOR="1",
               PIP_DISABLE_PIP_VERSION_CHECK="1")
    return env


def git(repo: Path, env: dict, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, timeout=60)


def head(env: dict) -> str:
    proc = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, f"{ROOT} must be a git checkout for pre-commit try-repo: {proc.stderr}"
    return proc.stdout.strip()


def try_repo(repo: Path, env: dict, ref: str, *files: str, hook: str = "smmrules") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--ref", ref,
                           "--files", *files], cwd=repo, env=env, capture_output=True, text=True, timeout=600)


def test_hook_fails_on_a_bad_file_and_passes_on_a_good_one(tmp_path):
    env = clean_env(tmp_path)
    repo = tmp_path / "repo"
    (repo / "briefs").mkdir(parents=True)
    (repo / "briefs" / "bad.goals").write_text(BAD, encoding="utf-8")
    (repo / "briefs" / "good.goals").write_text(GOOD, encoding="utf-8")
    (repo / "notes.txt").write_text("not a goal document: the hook's files pattern skips it\n", encoding="utf-8")
    (repo / "README.md").write_text(README, encoding="utf-8")
    (repo / "briefs" / "brief.md").write_text(BAD_MD, encoding="utf-8")
    (repo / "briefs" / "messy.goals").write_text(MESSY, encoding="utf-8")
    git(repo, env, "init", "-q")
    git(repo, env, "config", "user.email", "tests@example.invalid")
    git(repo, env, "config", "user.name", "smmrules tests")
    git(repo, env, "config", "commit.gpgsign", "false")
    git(repo, env, "add", ".")
    git(repo, env, "commit", "-q", "-m", "briefs")

    ref = head(env)
    bad = try_repo(repo, env, ref, "briefs/bad.goals")
    output = bad.stdout + bad.stderr
    assert bad.returncode == 1, output
    assert "smmrules" in output and "Failed" in output
    assert "briefs/bad.goals:2:1: D601 [warning]" in output
    assert "briefs/bad.goals:4:7: T101 [warning]" in output
    assert "Traceback" not in output

    bad_md = try_repo(repo, env, ref, "briefs/brief.md")            # a Markdown brief is linted too
    output = bad_md.stdout + bad_md.stderr
    assert bad_md.returncode == 1 and "briefs/brief.md:5:9: T101 [warning]" in output, output

    good = try_repo(repo, env, ref, "briefs/good.goals", "notes.txt", "README.md")  # the same ref: built once
    output = good.stdout + good.stderr
    assert good.returncode == 0, output
    assert "Passed" in output and "Failed" not in output

    # the hook only reads: the linted files are unchanged
    assert (repo / "briefs" / "bad.goals").read_text(encoding="utf-8") == BAD
    assert (repo / "briefs" / "good.goals").read_text(encoding="utf-8") == GOOD

    # the format hook rewrites a .goals file (pre-commit then fails: files were modified) and only that
    formatted = try_repo(repo, env, ref, "briefs/messy.goals", "briefs/brief.md", hook="smmrules-format")
    output = formatted.stdout + formatted.stderr
    assert formatted.returncode == 1 and "files were modified by this hook" in output, output
    assert (repo / "briefs" / "messy.goals").read_text(encoding="utf-8") == MESSY_FORMATTED
    assert (repo / "briefs" / "brief.md").read_text(encoding="utf-8") == BAD_MD
