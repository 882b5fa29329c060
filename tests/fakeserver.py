"""A local stand-in for every public source, so that tests and benchmarks never need the internet.

One `ThreadingHTTPServer` on 127.0.0.1 (a free port) mounts each source under its own prefix:
/dhl/ serves the real DHL pages saved in ../shared/samples at their real file names, and
/votesdb/unsc_votes_1946-2025.csv serves the Sciences Po votes database from the same folder;
/undl/, /wikipedia/api.php, /wikidata/api.php, /gdelt/, /factcheck/ take routes that tests
register. Faults (429 with Retry-After, 500, slow answers, truncated bodies) are injected per
path, and every request is counted so tests can assert how often a URL was really fetched.

Run by hand: `python -m tests.fakeserver --port 8765 --delay 0` (prints the env vars to set).
"""

from __future__ import annotations

import argparse
import re
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"
DHL_DIR = SAMPLES / "dhl-sc-meetings-tables"
VOTESDB_CSV = SAMPLES / "unsc-votes-sciencespo" / "unsc_votes_1946-2025.csv"

#: Prefix of each source on the fake server; `settings_env()` turns these into CHECKS_*_URL.
PREFIXES: dict[str, str] = {
    "dhl": "/dhl/",
    "undl": "/undl/",
    "wikipedia": "/wikipedia/api.php",
    "wikidata": "/wikidata/api.php",
    "gdelt": "/gdelt/",
    "factcheck": "/factcheck/",
    # The votes database's setting is the CSV's full URL, not a folder.
    "votesdb": "/votesdb/unsc_votes_1946-2025.csv",
}

Reply = tuple[int, dict[str, str], bytes]


@dataclass
class FakeRequest:
    """What a route handler sees."""

    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]


Handler = Callable[[FakeRequest], Reply]


@dataclass
class Fault:
    """Applied to the next `times` requests of a path, then forgotten."""

    times: int
    status: int | None = None  # answer this status instead
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None  # replace the body (malformed payloads)
    delay: float = 0.0  # sleep before answering (timeouts)
    truncate: bool = False  # send only the first half of the real body


def dhl_file(path: str) -> Path | None:
    """Sample file for a DHL URL path, only under the names the real site uses."""
    name = path.rsplit("/", 1)[-1]
    if name == "SC_2020-revised.html":
        return DHL_DIR / "scact2020_covid_table_en.html"
    if name in ("scact_veto_table_en.htm", "scact_veto_table_en.html"):
        return DHL_DIR / "scact_veto_table_en.html"
    m = re.fullmatch(r"scact(\d{4})_table_en\.(html?)", name)
    if not m:
        return None
    year, ext = int(m.group(1)), m.group(2)
    if ext != ("htm" if 1994 <= year <= 2021 else "html"):
        return None
    f = DHL_DIR / f"scact{year}_table_en.html"
    return f if f.exists() else None


class FakeServer:
    """Context manager: `with FakeServer() as srv: srv.url("dhl")`."""

    def __init__(self, port: int = 0, delay: float = 0.0, samples: Path | None = None) -> None:
        self.delay = delay
        self.dhl_dir = (samples / "dhl-sc-meetings-tables") if samples else DHL_DIR
        self.votesdb_csv = (
            (samples / "unsc-votes-sciencespo" / VOTESDB_CSV.name) if samples else VOTESDB_CSV
        )
        self.routes: dict[str, Handler] = {}
        self.faults: dict[str, list[Fault]] = {}
        self.hits: Counter[str] = Counter()  # by path
        self.hits_full: Counter[str] = Counter()  # by path?query
        self.user_agents: list[str] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", port), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------
    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FakeServer:
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> FakeServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- configuration -----------------------------------------------------------------
    def url(self, source: str) -> str:
        """Base URL of a source on this server, as CHECKS_<SOURCE>_URL expects it."""
        return self.base + PREFIXES[source]

    def settings_env(self) -> dict[str, str]:
        return {f"CHECKS_{name.upper()}_URL": self.url(name) for name in PREFIXES}

    def source_urls(self) -> dict[str, str]:
        return {name: self.url(name) for name in PREFIXES}

    def route(
        self,
        path: str,
        body: bytes | str | Handler = b"",
        *,
        status: int = 200,
        headers: dict[str, str] | None = None,
        content_type: str = "application/json; charset=utf-8",
    ) -> None:
        """Serve `path` (no query string): a fixed reply, or a handler(FakeRequest) -> Reply."""
        if callable(body):
            self.routes[path] = body
            return
        data = body.encode("utf-8") if isinstance(body, str) else body
        hdrs = {"Content-Type": content_type, **(headers or {})}
        self.routes[path] = lambda _req: (status, hdrs, data)

    def fault(self, path: str, times: int = 1, **kw: Any) -> None:
        """Inject a `Fault(times, **kw)` on the next requests of `path`."""
        with self._lock:
            self.faults.setdefault(path, []).append(Fault(times=times, **kw))

    def rate_limit(self, path: str, times: int = 1, retry_after: float = 1) -> None:
        self.fault(path, times, status=429, headers={"Retry-After": f"{retry_after:g}"})

    def count(self, path: str) -> int:
        return self.hits[path]

    def reset_counts(self) -> None:
        with self._lock:
            self.hits.clear()
            self.hits_full.clear()
            self.max_in_flight = 0

    # -- serving -----------------------------------------------------------------------
    def _take_fault(self, path: str) -> Fault | None:
        with self._lock:
            queue = self.faults.get(path)
            if not queue:
                return None
            fault = queue[0]
            fault.times -= 1
            if fault.times <= 0:
                queue.pop(0)
            return fault

    def _answer(self, req: FakeRequest) -> Reply:
        if req.path in self.routes:
            return self.routes[req.path](req)
        if req.path.startswith(PREFIXES["dhl"]):
            f = dhl_file(req.path)
            if f is not None and self.dhl_dir != DHL_DIR:
                f = self.dhl_dir / f.name
            if f is not None and f.exists():
                return 200, {"Content-Type": "text/html; charset=utf-8"}, f.read_bytes()
        if req.path == PREFIXES["votesdb"] and self.votesdb_csv.exists():
            return 200, {"Content-Type": "text/csv; charset=utf-8"}, self.votesdb_csv.read_bytes()
        return 404, {"Content-Type": "text/html; charset=utf-8"}, b"<html>Not Found</html>"

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                with server._lock:
                    server.hits[parts.path] += 1
                    server.hits_full[self.path] += 1
                    server.user_agents.append(self.headers.get("User-Agent", ""))
                    server.in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server.in_flight)
                try:
                    self._serve(parts)
                finally:
                    with server._lock:
                        server.in_flight -= 1

            def _serve(self, parts: Any) -> None:
                req = FakeRequest(parts.path, parse_qs(parts.query), dict(self.headers))
                fault = server._take_fault(parts.path)
                if server.delay:
                    time.sleep(server.delay)
                if fault and fault.delay:
                    time.sleep(fault.delay)
                status, headers, body = server._answer(req)
                if fault:
                    if fault.status is not None:
                        status, body = fault.status, fault.body or b"error"
                    elif fault.body is not None:
                        body = fault.body
                    if fault.truncate:
                        body = body[: len(body) // 2]
                    headers = {**headers, **fault.headers}
                try:
                    self.send_response(status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout tests)

        return _Handler


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Fake public sources for manual runs.")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--delay", type=float, default=0.0, help="seconds added to every answer")
    parser.add_argument(
        "--print-env", action="store_true", help="print the exports for --port and exit"
    )
    args = parser.parse_args(argv)
    if args.print_env:  # for eval "$(...)" beside a server already running on --port
        for name, prefix in PREFIXES.items():
            print(f"export CHECKS_{name.upper()}_URL=http://127.0.0.1:{args.port}{prefix}")
        return
    server = FakeServer(port=args.port, delay=args.delay)
    server.start()
    print(f"Fake sources on {server.base} (samples: {DHL_DIR})", flush=True)
    print("Set these environment variables:")
    for key, value in server.settings_env().items():
        print(f"export {key}={value}", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.stop()


if __name__ == "__main__":
    main()
