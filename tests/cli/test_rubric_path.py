"""The rubric search path (``--rubric-path``, ``SELFEVAL_RUBRIC_PATH``) and ``validate --only``,
which the pre-commit hooks of ``.pre-commit-hooks.yaml`` run."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import DATA, ROOT, RUBRIC, TABLE_RUBRIC
from selfeval.cli import app
from selfeval.settings import RUBRIC_PATH_ENV, Settings


def authors_repo(tmp_path: Path) -> Path:
    """A rubric author's repository: a 2021 rubric of their own, and a county's file naming it by id."""
    (tmp_path / "rubrics").mkdir(parents=True)
    (tmp_path / "data").mkdir()
    text = RUBRIC.read_text(encoding="utf-8").replace("id: ningxia-2020-county", "id: ningxia-2021-county", 1)
    (tmp_path / "rubrics" / "2021_county.yaml").write_text(text, encoding="utf-8")
    data = DATA.read_text(encoding="utf-8").replace("id: ningxia-2020-county", "id: ningxia-2021-county", 1)
    (tmp_path / "data" / "平罗县.yaml").write_text(data, encoding="utf-8")
    return tmp_path


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(authors_repo(tmp_path))
    monkeypatch.delenv(RUBRIC_PATH_ENV, raising=False)
    return tmp_path


def test_without_the_search_path_the_rubric_is_not_found_and_it_says_where_it_looked(runner: Any, repo: Path) -> None:
    result = runner.invoke(app, ["validate", "data/平罗县.yaml"])
    assert result.exit_code == 1
    assert "data/平罗县.yaml:9:1: error: 找不到评分标准 ningxia-2021-county" in result.stdout
    looked = runner.invoke(app, ["validate", "--rubric-path", "elsewhere", "data/平罗县.yaml"])
    assert "查找路径中找过：elsewhere" in looked.stdout


@pytest.mark.parametrize("command", ["validate", "score", "audit", "test", "report", "explain", "compare"])
def test_the_search_path_finds_it_for_every_command(runner: Any, repo: Path, command: str) -> None:
    if command == "test":
        (repo / "c.test.yaml").write_text("data: data/平罗县.yaml\nexpect: {total: 104}\n", encoding="utf-8")
    data = ["data/平罗县.yaml"]
    args = {"test": [], "explain": ["27", *data], "compare": [*data, *data], "report": [*data, "--out", "r.md"]}
    args = args.get(command, data)
    result = runner.invoke(app, [command, "--rubric-path", "rubrics", *args])
    assert result.exit_code in (0, 1) and "找不到评分标准" not in result.output, result.output
    if command in ("validate", "score", "test", "explain", "compare"):
        assert result.exit_code == 0, result.output


def test_the_environment_variable_is_a_search_path(runner: Any, repo: Path) -> None:
    env = {RUBRIC_PATH_ENV: os.pathsep.join(["nowhere", "rubrics"])}
    result = runner.invoke(app, ["score", "data/平罗县.yaml"], env=env)
    assert result.exit_code == 0, result.output
    assert Settings.build(env).rubric_path == (Path("nowhere"), Path("rubrics"))
    assert Settings.build(env).searching([Path("a")]).rubric_path[0] == Path("a")


def test_two_different_rubrics_with_one_id_and_version_are_refused(runner: Any, repo: Path) -> None:
    (repo / "other").mkdir()
    changed = (repo / "rubrics" / "2021_county.yaml").read_text(encoding="utf-8") + "# 改过\n"
    (repo / "other" / "copy.yaml").write_text(changed, encoding="utf-8")
    result = runner.invoke(app, ["validate", "--rubric-path", "rubrics", "--rubric-path", "other", "data/平罗县.yaml"])
    assert result.exit_code == 1
    assert "有多个不同的文件" in result.stdout and "other/copy.yaml" in result.stdout


def test_a_rubric_of_the_search_path_may_be_named_by_its_id(runner: Any, repo: Path) -> None:
    result = runner.invoke(app, ["score", "-r", "ningxia-2021-county", "--rubric-path", "rubrics", "data/平罗县.yaml"])
    assert result.exit_code == 0, result.output


def test_only_checks_files_of_its_kind_and_skips_the_others(runner: Any, repo: Path) -> None:
    (repo / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    (repo / "ci.yml").write_text("name: ci\non: [push]\njobs: {}\n", encoding="utf-8")
    files = ["rubrics/2021_county.yaml", "data/平罗县.yaml", ".pre-commit-config.yaml", "ci.yml"]
    plain = runner.invoke(app, ["validate", "--rubric-path", "rubrics", *files])
    assert plain.exit_code == 1  # without --only, another program's YAML is an error
    for kind in ("rubric", "data"):
        result = runner.invoke(app, ["validate", "--only", kind, "--rubric-path", "rubrics", *files])
        assert result.exit_code == 0, result.output
        assert "跳过 ci.yml：不是 selfeval 的文件" in result.stderr
    both = runner.invoke(app, ["validate", "--only", "rubric", "--only", "data", "--rubric-path", "rubrics", *files])
    assert both.exit_code == 0 and "检查了 2 个文件" in both.stderr
    assert runner.invoke(app, ["-q", "validate", "--only", "rubric", "ci.yml"]).stderr == ""


def test_a_broken_file_is_still_checked_by_only(runner: Any, repo: Path) -> None:
    (repo / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    assert runner.invoke(app, ["validate", "--only", "rubric", "broken.yaml"]).exit_code == 1


HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("hook", [h for h in HOOKS if h.get("pass_filenames", True)], ids=lambda h: h["id"])
def test_each_hook_leaves_out_pre_commits_own_files_and_workflows(hook: dict[str, Any]) -> None:
    def chosen(path: str) -> bool:
        return bool(re.search(hook["files"], path)) and not re.search(hook.get("exclude", "^$"), path)

    assert chosen("rubrics/2021_county.yaml") and chosen("data/x.yml")
    assert not chosen(".pre-commit-config.yaml") and not chosen("sub/.pre-commit-config.yaml")
    assert not chosen(".github/workflows/ci.yml") and not chosen("rubrics/tests/a.test.yaml")
    assert "--only" in hook["entry"]


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("pre-commit") is None or shutil.which("git") is None, reason="needs pre-commit and git"
)
def test_pre_commit_run_all_files_passes_in_an_authors_repository(tmp_path: Path) -> None:
    def git(where: Path, *args: str) -> str:
        env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t"}
        env["GIT_COMMITTER_EMAIL"] = "t@t"
        return subprocess.run(["git", *args], cwd=where, env=env, check=True, capture_output=True, text=True).stdout

    hooks = tmp_path / "hooks"
    ignore = shutil.ignore_patterns(".git", ".venv", ".*_cache", ".hypothesis", "__pycache__")
    shutil.copytree(ROOT, hooks, ignore=ignore)
    git(hooks, "init", "-q")
    git(hooks, "add", "-A")
    git(hooks, "commit", "-qm", "hooks")
    sha = git(hooks, "rev-parse", "HEAD").strip()
    repo = authors_repo(tmp_path / "repo")
    shutil.copy(TABLE_RUBRIC, repo / "rubrics" / "2020_project.yaml")
    (repo / ".github" / "workflows").mkdir(parents=True)
    (repo / ".github" / "workflows" / "ci.yml").write_text("name: ci\non: [push]\njobs: {}\n", encoding="utf-8")
    (repo / "rubrics" / "tests").mkdir()
    (repo / "rubrics" / "tests" / "2021.test.yaml").write_text(
        "data: ../../data/平罗县.yaml\nrubric: ../2021_county.yaml\nexpect: {total: 104}\n", encoding="utf-8"
    )
    config = {
        "repos": [
            {
                "repo": str(hooks),
                "rev": sha,
                "hooks": [
                    {"id": "selfeval-rubrics"},
                    {"id": "selfeval-data", "args": ["--rubric-path", "rubrics"]},
                    {"id": "selfeval-test"},
                ],
            }
        ]
    }
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    done = subprocess.run(
        ["pre-commit", "run", "--all-files"], cwd=repo, env=env, capture_output=True, text=True, timeout=900
    )
    assert done.returncode == 0, done.stdout + done.stderr
