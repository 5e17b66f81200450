"""What the benchmarks share: building our site and a plain-Material twin, serving with gzip, writing results."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import re
import resource
import shlex
import shutil
import socket
import socketserver
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "true"}

# The five page types every benchmark measures.
PAGE_TYPES = {
    "home": "",
    "lesson": "steps/01-understand-the-role/01-a-week-in-the-life/",
    "certifications": "certifications/",
    "printable-checklists": "checklists/",
    "progress": "progress/",
}


def build_command() -> list[str]:
    """The site generator's command: ``PTP_BUILD`` (the Makefile's ``BUILD``), else this Python's MkDocs."""
    words = shlex.split(os.environ.get("PTP_BUILD", ""))
    if not words:
        return [PYTHON, "-m", "mkdocs"]
    if "/" in words[0] and not Path(words[0]).is_absolute():
        words[0] = str(ROOT / words[0])
    return words


def build(config: Path, out: Path, env: dict[str, str] | None = None) -> float:
    """Run a strict build; return the wall time in seconds."""
    return build_measured(config, out, env)[0]


def build_measured(config: Path, out: Path, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Run a strict build; return (wall seconds, CPU seconds the build process used).

    CPU time counts only the time the build ran. On this shared machine, wall time
    also counts the moments the host did not run us, which can add seconds to a build.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [*build_command(), "build", "--strict", "--quiet", "--clean", "-f", str(config), "--site-dir", str(out)],
        cwd=config.parent,
        env={**ENV, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    took = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"build of {config} failed:\n{done.stdout}\n{done.stderr}")
    return took, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


MACRO = re.compile(r"\{\{.*?\}\}", re.S)
CHECK_ID = re.compile(r"\s*\{#[a-z0-9-]+\}\s*$", re.M)


def plain_twin(dest: Path, site_url: str = "http://127.0.0.1:8000/") -> Path:
    """The same Markdown built by plain Material: no hooks, no macros, macro calls stubbed.

    Checklist ids are dropped (plain Material renders the task lists itself)
    and each macro call becomes a short sentence.
    """
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(ROOT / "docs", dest / "docs", ignore=shutil.ignore_patterns("*.js", "site.css", "print.css"))
    for md in (dest / "docs").rglob("*.md"):
        text = md.read_text(encoding="utf-8")
        text = MACRO.sub("Generated content.", text)
        text = CHECK_ID.sub("", text)
        text = re.sub(r"^template: .*$", "", text, flags=re.M)  # our home.html override is not there
        md.write_text(text, encoding="utf-8")
    shutil.copy2(ROOT / "CONTRIBUTING.md", dest / "CONTRIBUTING.md")  # included by a snippet
    # Plain Material with the same theme features and Markdown extensions as ours:
    # the difference measured is what our hooks, macros, overrides and assets add.
    ours = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    extensions = ours[ours.index("markdown_extensions:") : ours.index("\nnav:")]
    config = (
        "site_name: Path to PM\n"
        f"site_url: {site_url}\n"
        "exclude_docs: |\n  !/templates/\n"
        "theme:\n  name: material\n  font: false\n"
        f"  features: [{', '.join(theme_features(ours))}]\n"
        "plugins: [search]\n"
        "validation:\n  links:\n    not_found: info\n    anchors: info\n    unrecognized_links: info\n  nav:\n    omitted_files: info\n"
        + extensions
    )
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    return dest / "mkdocs.yml"


def theme_features(config: str) -> list[str]:
    """Our theme features, except the edit button, which needs a repository the twin does not have."""
    block = re.search(r"^  features:\n((?:    - .*\n)+)", config, re.M)
    if not block:
        raise RuntimeError("mkdocs.yml has no theme features list")
    features = re.findall(r"^    - (\S+)", block.group(1), re.M)
    return [f for f in features if f != "content.action.edit"]


def median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def write_result(name: str, data: dict[str, Any]) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    data = {"benchmark": name, "measured_on": time.strftime("%Y-%m-%d"), "machine": f"{os.cpu_count()} cores", **data}
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return path


@functools.lru_cache(maxsize=4096)
def _gzipped(path: str) -> bytes:
    """Compress each file once: compressing per request would compete with the browser for CPU."""
    return gzip.compress(Path(path).read_bytes(), 6)


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files gzipped when the client accepts it, like GitHub Pages."""

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = _gzipped(str(path))
        self.send_response(200)
        self.send_header("Cache-Control", "max-age=3600")
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args: object) -> None:
        pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    with serve_on(folder, 0) as url:
        yield url


@contextmanager
def serve_on(folder: Path, port: int) -> Iterator[str]:
    """Serve a folder with gzip on 127.0.0.1 (port 0: any free port)."""
    handler = lambda *a, **k: _GzipHandler(*a, directory=str(folder), **k)  # noqa: E731
    socketserver.ThreadingTCPServer.allow_reuse_address = True
    with socketserver.ThreadingTCPServer(("127.0.0.1", port), handler) as httpd:
        httpd.daemon_threads = True
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{httpd.server_address[1]}/"
        finally:
            httpd.shutdown()


def chromium() -> str:
    done = subprocess.run(
        [PYTHON, str(ROOT / "tests" / "find_chromium.py")], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(done.stderr.strip())
    return done.stdout.strip()
