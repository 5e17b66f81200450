"""Shared fixtures: a built site, a local server for it, and a headless Chromium.

The site is built once per test run (see ``pytest_configure``), into a temporary folder, with the same
settings the deploy uses: a ``REPO_URL`` for edit links, and a ``SITE_URL``
under a base path (``/path-to-pm/``, like a GitHub project site) that is the
address the local test server really serves it at: Material's instant
navigation only works when the sitemap's addresses are on the page's origin
and path (elsewhere, links load whole pages; ``tests/browser/test_portable.py``
serves one build at other addresses).
Browser tests drive Debian's Chromium (or the one ``tests/find_chromium.py``
finds) through Playwright.
"""

from __future__ import annotations

import http.server
import os
import shlex
import shutil
import socketserver
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BASE_PATH = "/path-to-pm/"
TEST_REPO_URL = "https://github.com/example-owner/path-to-pm"
_SHARED_KEY = pytest.StashKey[tuple["SiteServer", Path]]()
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def build_command(env: Mapping[str, str] = os.environ) -> list[str]:
    """The site generator's command: ``PTP_BUILD`` (the Makefile's ``BUILD``), else this Python's MkDocs.

    A relative path in it is taken from the repository root, since builds run in copies of the project.
    """
    words = shlex.split(env.get("PTP_BUILD", ""))
    if not words:
        return [sys.executable, "-m", "mkdocs"]
    if "/" in words[0] and not Path(words[0]).is_absolute():
        words[0] = str(ROOT / words[0])
    return words


def build_site(
    project: Path, out: Path, site_url: str | None, **env_overrides: str
) -> subprocess.CompletedProcess[str]:
    """A strict build of ``project`` into ``out``; ``site_url=None`` keeps mkdocs.yml's default address."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "true", "REPO_URL": TEST_REPO_URL}
    env.pop("SITE_URL", None)
    if site_url is not None:
        env["SITE_URL"] = site_url
    env.update(env_overrides)
    return subprocess.run(
        [
            *build_command(env),
            "build",
            "--strict",
            "--site-dir",
            str(out),
            "-f",
            str(project / "mkdocs.yml"),
        ],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def copy_project(dest: Path) -> Path:
    """A copy of the project (sources only) that a test may change freely."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "data", "hooks", "overrides", "CONTRIBUTING.md", "pyproject.toml"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    return dest


# The site is built once per run. With pytest-xdist (-n in pyproject.toml, the one place the
# worker count is set) every worker would build its own copy: instead the controller builds
# it before the workers start, serves it for the whole run, and tells them where (this
# variable: folder and address). A run of unit tests alone builds nothing.
SHARED_SITE = "PTP_TEST_SITE"


def _needs_the_site(config: pytest.Config) -> bool:
    unit = (ROOT / "tests" / "unit").resolve()
    for arg in config.args or ["tests"]:
        path = Path(arg.split("::", 1)[0]).resolve()
        if not path.is_relative_to(unit):
            return True
    return False


def pytest_configure(config: pytest.Config) -> None:
    if hasattr(config, "workerinput") or os.environ.get(SHARED_SITE) or not _needs_the_site(config):
        return
    if config.getoption("numprocesses", None) in (None, 0):
        return  # one process: the session fixture below builds it, once
    work = Path(tempfile.mkdtemp(prefix="ptp-test-site-"))
    srv = SiteServer(work)
    done = build_site(ROOT, work / "site", srv.url)
    if done.returncode != 0:
        srv.close()
        pytest.exit(f"strict build failed:\n{done.stdout}\n{done.stderr}", returncode=1)
    srv.root = work / "site"
    config.stash[_SHARED_KEY] = (srv, work)
    os.environ[SHARED_SITE] = f"{srv.root}\n{srv.url}"


def pytest_unconfigure(config: pytest.Config) -> None:
    shared = config.stash.get(_SHARED_KEY, None)
    if shared:
        srv, work = shared
        srv.close()
        shutil.rmtree(work, ignore_errors=True)
        os.environ.pop(SHARED_SITE, None)


@dataclass
class BuiltSite:
    """The controller's build and server, as a worker sees them."""

    root: Path
    url: str


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer | BuiltSite]:
    """The built site, served at its own SITE_URL (built here only when the controller did not)."""
    shared = os.environ.get(SHARED_SITE)
    if shared:
        root, url = shared.split("\n")
        yield BuiltSite(Path(root), url)
        return
    srv = SiteServer(tmp_path_factory.mktemp("empty"))  # started before the build, so the build knows its address
    out = tmp_path_factory.mktemp("site")
    done = build_site(ROOT, out, srv.url)
    assert done.returncode == 0, f"strict build failed:\n{done.stdout}\n{done.stderr}"
    srv.root = out
    yield srv
    srv.close()


@pytest.fixture(scope="session")
def site_dir(server: SiteServer | BuiltSite) -> Path:
    return server.root


@pytest.fixture(scope="session")
def site_url(server: SiteServer | BuiltSite) -> str:
    return server.url


@pytest.fixture(scope="session")
def manifest() -> dict:
    """Every checklist (steps, lessons, items), as the build reads them (not a published file)."""
    from hooks import pages

    found = pages.read_checklists(pages.step_sources(ROOT / "docs"))
    assert found.problems == [], found.problems
    return found.manifest


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under one base path only, as GitHub Pages serves a project site."""

    base_path = BASE_PATH

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.base_path):
            return str(Path(self.directory) / "__outside_the_base_path__")
        return super().translate_path("/" + path[len(self.base_path) :])

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass


class _QuietServer(socketserver.ThreadingTCPServer):
    """A browser that leaves a page mid-download closes the connection: not an error worth a traceback."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class SiteServer:
    """Serves a folder on 127.0.0.1 under a base path; the folder can be swapped between requests."""

    def __init__(self, root: Path, base_path: str = BASE_PATH) -> None:
        self.root = root
        self.base_path = base_path
        self.httpd = _QuietServer(("127.0.0.1", 0), self._handle)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}{base_path}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def _handle(self, *args: object, **kwargs: object) -> _Handler:
        handler = type("_BaseHandler", (_Handler,), {"base_path": self.base_path})
        return handler(*args, directory=str(self.root), **kwargs)  # type: ignore[arg-type]

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    path = (
        os.environ.get("CHROMIUM")
        or subprocess.run(
            [sys.executable, str(ROOT / "tests" / "find_chromium.py")], capture_output=True, text=True, check=False
        ).stdout.strip()
    )
    if not path:
        pytest.fail("No Chromium found: run the tests with `make test`, which says how to install one")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def context(browser: object) -> Iterator[object]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: object) -> object:
    p = context.new_page()  # type: ignore[attr-defined]
    p.set_default_timeout(10_000)
    return p


@pytest.fixture
def phone(browser: object) -> Iterator[object]:
    """A page on a 360x800 touch phone."""
    ctx = browser.new_context(viewport={"width": 360, "height": 800}, is_mobile=True, has_touch=True)  # type: ignore[attr-defined]
    page = ctx.new_page()
    page.set_default_timeout(10_000)
    yield page
    ctx.close()


@pytest.fixture(scope="session")
def first_lesson(manifest: dict) -> dict:
    """The first lesson that has a checklist, with its step."""
    for step in manifest["steps"]:
        for lesson in step["lessons"]:
            if lesson["items"]:
                return {**lesson, "step": step}
    pytest.fail("the site has no lesson with a checklist")
