"""Load benchmark: concurrent clients against `serve --workers 2` on loopback.

    python benchmarks/load.py [--json] [--seconds 8] [--max-requests 20000] [--concurrency 16]

For SQLite (a temporary file) and, when BLEEDCHECK_TEST_POSTGRES_URL is set, PostgreSQL (a
temporary schema), it starts the server, then measures in turn:

- POST /v1/triage and POST /v1/diagnosis with the evidence of the vignettes;
- whole simulated interviews (create, answer every question as the vignette's patient would,
  replay every fifth answer as a double submit, read the result), counting answers accepted
  against answers stored ("lost answers").

Each phase stops at `--seconds` or `--max-requests`, whichever comes first. Reported:
requests/s, p50/p99 latency, errors, lost answers, and the CPU used by the load generator and
by the server (share of the machine's cores; Linux /proc).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import resource
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from bleedcheck.evaluation.metrics import load_vignettes

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.api.patients import answer_for

POSTGRES_ENV = "BLEEDCHECK_TEST_POSTGRES_URL"
TARGETS = {"triage_rps": 800.0, "diagnosis_rps": 200.0, "p99_ms": 100.0}
HEADERS = {"Content-Type": "application/json"}
TICKS = os.sysconf("SC_CLK_TCK")
CORES = os.cpu_count() or 1


@dataclass
class Phase:
    name: str
    requests: int = 0
    errors: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list, repr=False)
    loadgen_cpu: float = 0.0
    server_cpu: float = 0.0
    machine_cpu: float = 0.0
    answers_accepted: int = 0
    answers_stored: int = 0
    replays: int = 0
    interviews: int = 0

    def summary(self) -> dict[str, Any]:
        lat = sorted(self.latencies)
        wall_cores = max(self.seconds, 1e-9) * CORES

        def pct(q: float) -> float:
            return lat[min(len(lat) - 1, int(q * len(lat)))] * 1000 if lat else 0.0

        out = {
            "phase": self.name,
            "requests": self.requests,
            "seconds": round(self.seconds, 2),
            "rps": round(self.requests / max(self.seconds, 1e-9), 1),
            "p50_ms": round(pct(0.50), 2),
            "p99_ms": round(pct(0.99), 2),
            "mean_ms": round(statistics.fmean(lat) * 1000, 2) if lat else 0.0,
            "errors": self.errors,
            "loadgen_cpu_share": round(self.loadgen_cpu / wall_cores, 3),
            "server_cpu_share": round(self.server_cpu / wall_cores, 3),
            # everything else running on the machine meanwhile (it competes for the cores)
            "other_cpu_share": round(
                max(0.0, self.machine_cpu - self.loadgen_cpu - self.server_cpu) / wall_cores, 3
            ),
        }
        if self.name == "interviews":
            out |= {
                "interviews": self.interviews,
                "answers_accepted": self.answers_accepted,
                "answers_stored": self.answers_stored,
                "lost_answers": self.answers_accepted - self.answers_stored,
                "replays": self.replays,
            }
        return out


# ---- server ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def machine_cpu() -> float:
    """CPU seconds all cores have spent busy since boot (/proc/stat)."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]  # idle, iowait
    return (sum(values[:8]) - idle) / TICKS


def tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) of a process and its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    total = 0.0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime
        stack.extend(children.get(current, []))
    return total


@contextmanager
def server(database_url: str, workers: int, log: Path) -> Iterator[tuple[str, int]]:
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "bleedcheck.api.serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--database-url",
        database_url,
        "--no-access-log",
    ]
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        ready = 0
        while ready < workers * 4:  # several answers, so every worker has started
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"server did not start:\n{log.read_text()}")
            try:
                ok = httpx.get(f"{url}/healthz", timeout=2).status_code == 200
                ready += 1 if ok else 0
            except httpx.TransportError:
                time.sleep(0.2)
        yield url, process.pid
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def postgres_schema(base: str) -> Iterator[str]:
    """A throw-away schema in the test database, so each run starts empty."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    def with_path(schema: str) -> str:
        url = make_url(base)
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")
        url = url.update_query_dict({"options": f"-csearch_path={schema}"})
        return url.render_as_string(hide_password=False)

    schema = "bench_" + uuid.uuid4().hex[:10]
    engine = create_engine(with_path("public"))
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield with_path(schema)
    finally:
        with engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        engine.dispose()


# ---- load --------------------------------------------------------------------------------


def patient_answer(question: dict[str, Any], age: float | None, facts: dict[str, str]) -> Any:
    """What the vignette's patient answers (the API tests' simulated patient)."""
    return answer_for(question, facts, age)


class Meter:
    """CPU of this process and of the server tree over a phase."""

    def __init__(self, server_pid: int) -> None:
        self.server_pid = server_pid

    def __enter__(self) -> Meter:
        self.wall = time.perf_counter()
        usage = resource.getrusage(resource.RUSAGE_SELF)
        self.own = usage.ru_utime + usage.ru_stime
        self.srv = tree_cpu(self.server_pid)
        self.all = machine_cpu()
        return self

    def __exit__(self, *_: object) -> None:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        self.wall = time.perf_counter() - self.wall
        self.own = usage.ru_utime + usage.ru_stime - self.own
        self.srv = tree_cpu(self.server_pid) - self.srv
        self.all = machine_cpu() - self.all

    def fill(self, phase: Phase) -> Phase:
        phase.seconds, phase.loadgen_cpu, phase.server_cpu = self.wall, self.own, self.srv
        phase.machine_cpu = self.all
        return phase


async def hammer(
    client: httpx.AsyncClient,
    path: str,
    bodies: list[bytes],
    seconds: float,
    budget: int,
    concurrency: int,
) -> Phase:
    """POST the bodies round-robin with httpx from `concurrency` tasks."""
    phase = Phase(path.rsplit("/", 1)[1])
    deadline = time.perf_counter() + seconds
    counter = itertools.count()

    async def worker() -> None:
        while time.perf_counter() < deadline:
            n = next(counter)
            if n >= budget:
                return
            start = time.perf_counter()
            try:
                response = await client.post(path, content=bodies[n % len(bodies)], headers=HEADERS)
                failed = response.status_code != 200
            except httpx.HTTPError:
                failed = True
            phase.latencies.append(time.perf_counter() - start)
            phase.requests += 1
            phase.errors += failed

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return phase


async def hammer_raw(
    url: str,
    path: str,
    bodies: list[bytes],
    seconds: float,
    budget: int,
    concurrency: int,
) -> Phase:
    """The same load from a minimal HTTP/1.1 keep-alive client on asyncio streams.

    httpx spends about as much CPU per request as the server does; on a 2-core machine that
    hides the server's throughput, so the stateless phases use this lean client by default.
    """
    phase = Phase(path.rsplit("/", 1)[1])
    host, port = url.removeprefix("http://").split(":")
    requests = [
        (
            f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode()
        + body
        for body in bodies
    ]
    deadline = time.perf_counter() + seconds
    counter = itertools.count()

    async def worker() -> None:
        reader, writer = await asyncio.open_connection(host, int(port))
        try:
            while time.perf_counter() < deadline:
                n = next(counter)
                if n >= budget:
                    return
                start = time.perf_counter()
                writer.write(requests[n % len(requests)])
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n")[1:]:
                    name, _, value = line.partition(b":")
                    if name.lower() == b"content-length":
                        length = int(value)
                await reader.readexactly(length)
                phase.latencies.append(time.perf_counter() - start)
                phase.requests += 1
                phase.errors += not head.startswith(b"HTTP/1.1 200 ")
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            phase.errors += 1
        finally:
            writer.close()

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return phase


async def interviews(
    client: httpx.AsyncClient,
    cases: list[tuple[float | None, dict[str, str]]],
    seconds: float,
    budget: int,
    concurrency: int,
) -> Phase:
    phase = Phase("interviews")
    deadline = time.perf_counter() + seconds
    counter = itertools.count()

    async def call(method: str, path: str, **kwargs: Any) -> httpx.Response | None:
        start = time.perf_counter()
        try:
            response = await client.request(method, path, **kwargs)
        except httpx.HTTPError:
            response = None
        phase.latencies.append(time.perf_counter() - start)
        phase.requests += 1
        if response is None or response.status_code >= 400:
            phase.errors += 1
            return None
        return response

    async def one(age: float | None, facts: dict[str, str]) -> None:
        created = await call("POST", "/v1/interviews", json={"lang": "en"})
        if created is None:
            return
        data = created.json()
        path = f"/v1/interviews/{data['id']}"
        auth = {"Authorization": f"Bearer {data['token']}"}
        accepted = 0
        while not data["step"]["should_stop"] and phase.requests < budget:
            question = data["step"]["question"]
            body = {
                "step": data["step"]["step"],
                "question_id": question["id"],
                "answer": patient_answer(question, age, facts),
            }
            response = await call("POST", f"{path}/answers", json=body, headers=auth)
            if response is None:
                break
            accepted += 1
            if accepted % 5 == 0:  # a double submit must not store the answer twice
                phase.replays += 1
                await call("POST", f"{path}/answers", json=body, headers=auth)
            data = response.json()
        final = await call("GET", path, headers=auth)
        if final is not None:
            phase.answers_accepted += accepted
            phase.answers_stored += len(final.json()["history"])
            phase.interviews += 1

    async def worker() -> None:
        while time.perf_counter() < deadline and phase.requests < budget:
            age, facts = cases[next(counter) % len(cases)]
            await one(age, facts)

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return phase


async def run_phases(url: str, pid: int, args: argparse.Namespace) -> list[Phase]:
    vignettes = load_vignettes()
    cases = [(v.age, dict(v.evidence)) for v in vignettes]
    bodies = [json.dumps({"age": age, "evidence": ev}).encode() for age, ev in cases]
    limits = httpx.Limits(
        max_connections=args.concurrency, max_keepalive_connections=args.concurrency
    )
    phases: list[Phase] = []
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=30) as client:
        # warm-up: every worker compiles its caches before anything is measured
        await hammer(client, "/v1/diagnosis", bodies, 2.0, 200, args.concurrency)

        def stateless(path: str) -> Any:
            if args.client == "httpx":
                return hammer(
                    client, path, bodies, args.seconds, args.max_requests, args.concurrency
                )
            return hammer_raw(url, path, bodies, args.seconds, args.max_requests, args.concurrency)

        steps: list[tuple[str, Callable[[], Any]]] = [
            ("triage", lambda: stateless("/v1/triage")),
            ("diagnosis", lambda: stateless("/v1/diagnosis")),
            (
                "interviews",
                lambda: interviews(
                    client, cases, args.seconds, args.max_requests, args.concurrency
                ),
            ),
        ]
        for _, make in steps:
            with Meter(pid) as meter:
                phase = await make()
            phases.append(meter.fill(phase))
    return phases


def benchmark(
    database: str, url_for_db: str, args: argparse.Namespace, log: Path
) -> dict[str, Any]:
    with server(url_for_db, args.workers, log) as (url, pid):
        phases = asyncio.run(run_phases(url, pid, args))
    return {"database": database, "workers": args.workers, "phases": [p.summary() for p in phases]}


def check(results: list[dict[str, Any]]) -> list[str]:
    misses: list[str] = []
    for result in results:
        for phase in result["phases"]:
            where = f"{result['database']} {phase['phase']}"
            target = TARGETS.get(f"{phase['phase']}_rps")
            if target and phase["rps"] < target:
                misses.append(f"{where}: {phase['rps']} requests/s < {target}")
            if phase["phase"] != "interviews" and phase["p99_ms"] >= TARGETS["p99_ms"]:
                misses.append(f"{where}: p99 {phase['p99_ms']} ms >= {TARGETS['p99_ms']}")
            if phase["errors"]:
                misses.append(f"{where}: {phase['errors']} errors")
            if phase.get("lost_answers"):
                misses.append(f"{where}: {phase['lost_answers']} lost answers")
    return misses


def print_table(results: list[dict[str, Any]]) -> None:
    header = (
        f"{'database':<11}{'phase':<11}{'requests':>9}{'req/s':>9}{'p50 ms':>8}{'p99 ms':>8}"
        f"{'errors':>7}{'lost':>6}{'loadgen CPU':>12}{'server CPU':>11}{'other CPU':>10}"
    )
    print(header)
    print("-" * len(header))
    for result in results:
        for p in result["phases"]:
            lost = p.get("lost_answers", "")
            print(
                f"{result['database']:<11}{p['phase']:<11}{p['requests']:>9}{p['rps']:>9.0f}"
                f"{p['p50_ms']:>8.1f}{p['p99_ms']:>8.1f}{p['errors']:>7}{lost!s:>6}"
                f"{p['loadgen_cpu_share']:>12.0%}{p['server_cpu_share']:>11.0%}"
                f"{p['other_cpu_share']:>10.0%}"
            )
    interviews = [p for r in results for p in r["phases"] if p["phase"] == "interviews"]
    for p in interviews:
        print(
            f"interviews: {p['interviews']} completed, {p['answers_accepted']} answers accepted, "
            f"{p['answers_stored']} stored, {p['replays']} double submits"
        )
    print(
        f"targets: triage >= {TARGETS['triage_rps']:.0f}/s, diagnosis >= "
        f"{TARGETS['diagnosis_rps']:.0f}/s, p99 < {TARGETS['p99_ms']:.0f} ms; {CORES} cores, "
        "load generator on the same machine"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--seconds", type=float, default=8.0, help="cap per phase (max 60)")
    parser.add_argument("--max-requests", type=int, default=20_000, help="cap per phase")
    parser.add_argument("--concurrency", type=int, default=8, help="concurrent clients")
    parser.add_argument("--workers", type=int, default=2, help="server worker processes")
    parser.add_argument(
        "--client",
        choices=["raw", "httpx"],
        default="raw",
        help="client for the triage and diagnosis phases (interviews always use httpx)",
    )
    parser.add_argument(
        "--database", choices=["sqlite", "postgresql", "all"], default="all", help="default: all"
    )
    args = parser.parse_args()
    args.seconds = min(max(args.seconds, 0.5), 60.0)
    args.max_requests = min(max(args.max_requests, 1), 200_000)
    args.concurrency = min(max(args.concurrency, 1), 256)

    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bleedcheck-load-") as tmp:
        folder = Path(tmp)
        if args.database in ("sqlite", "all"):
            url = f"sqlite:///{folder / 'load.db'}"
            results.append(benchmark("sqlite", url, args, folder / "sqlite.log"))
        postgres = os.environ.get(POSTGRES_ENV)
        if args.database in ("postgresql", "all"):
            if postgres:
                with postgres_schema(postgres) as url:
                    results.append(benchmark("postgresql", url, args, folder / "pg.log"))
            elif args.database == "postgresql":
                parser.error(f"{POSTGRES_ENV} is not set")
            elif not args.json:
                print(f"(PostgreSQL skipped: {POSTGRES_ENV} is not set)\n")
    misses = check(results)
    if args.json:
        print(json.dumps({"results": results, "targets": TARGETS, "misses": misses}, indent=2))
    else:
        print_table(results)
        for miss in misses:
            print(f"MISSED {miss}")
    return 1 if misses else 0


if __name__ == "__main__":
    raise SystemExit(main())
