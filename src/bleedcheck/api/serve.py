"""Run the API with uvicorn: `serve(port, database_url, workers)`.

Workers are separate processes, so each builds its app from the environment (uvicorn's
factory mode); the database URL reaches them as `BLEEDCHECK_DATABASE_URL`.

On Linux each worker listens on its own socket bound with SO_REUSEPORT, so the kernel spreads
connections evenly; with one shared socket (uvicorn's own supervisor) whichever worker wakes
first accepts a whole burst of connections and the other idles. Elsewhere uvicorn's supervisor
is used.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import multiprocessing
import os
import signal
import socket
import sys
import time
from types import FrameType
from typing import Any

import uvicorn
from fastapi import FastAPI
from uvicorn.supervisors import Multiprocess

from bleedcheck.api.app import create_app
from bleedcheck.settings import ENV_PREFIX, Settings
from bleedcheck.store.sql import open_repository

FACTORY = "bleedcheck.api.serve:app_from_env"
STARTUP_FAILURE = 3  # uvicorn's exit status when a server cannot start
QUICK_DEATH_SECONDS = 10.0  # a worker dying this soon after start is not restarted
log = logging.getLogger("uvicorn.error")


def app_from_env() -> FastAPI:
    """The uvicorn factory: one app per worker process, configured by the environment."""
    return create_app(Settings.from_env())


def _nodelay(sock: socket.socket) -> socket.socket:
    # Responses go out in two writes (head, body); with Nagle's algorithm on, the second
    # waits for the client's delayed ACK (~40 ms). Accepted sockets inherit this (Linux).
    if sock.family in (socket.AF_INET, socket.AF_INET6):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


class _Config(uvicorn.Config):
    """uvicorn's configuration whose shared listening socket has TCP_NODELAY."""

    def bind_socket(self) -> socket.socket:
        return _nodelay(super().bind_socket())


def _family(host: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in host else socket.AF_INET


def _check_port_free(host: str, port: int) -> None:
    """Fail early, as uvicorn would, if another program already listens on the port."""
    with socket.socket(_family(host), socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            log.error("cannot listen on %s:%d: %s", host, port, exc)
            sys.exit(STARTUP_FAILURE)


def _reuse_port_socket(host: str, port: int) -> socket.socket:
    sock = socket.socket(_family(host), socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    return _nodelay(sock)


def _worker(options: dict[str, Any]) -> None:
    """One worker process: its own SO_REUSEPORT socket, one uvicorn server."""
    config = uvicorn.Config(**options)
    sock = _reuse_port_socket(config.host, config.port)
    with contextlib.suppress(KeyboardInterrupt):
        uvicorn.Server(config).run(sockets=[sock])


def _supervise(options: dict[str, Any], workers: int) -> None:
    """Start `workers` processes, restart any that dies, stop them all on SIGINT/SIGTERM."""
    context = multiprocessing.get_context("spawn")
    stopping = False

    def stop(signum: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    processes: list[tuple[Any, float]] = []

    def launch() -> tuple[Any, float]:
        process = context.Process(target=_worker, args=(options,), daemon=False)
        process.start()
        return process, time.monotonic()

    try:
        log.info("Started parent process [%d]", os.getpid())
        processes = [launch() for _ in range(workers)]
        while not stopping:
            time.sleep(0.2)
            for i, (process, started) in enumerate(processes):
                if process.is_alive() or stopping:
                    continue
                if time.monotonic() - started < QUICK_DEATH_SECONDS:
                    log.error("worker [%d] failed to start; stopping", process.pid)
                    stopping = True
                    sys.exit(STARTUP_FAILURE)
                log.warning("worker [%d] died (exit %s); restarting", process.pid, process.exitcode)
                processes[i] = launch()
    finally:
        for process, _ in processes:
            if process.is_alive() and process.pid is not None:
                os.kill(process.pid, signal.SIGTERM)  # uvicorn shuts down gracefully
        for process, _ in processes:
            process.join(timeout=30)
            if process.is_alive():
                process.kill()
                process.join()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        log.info("Stopping parent process [%d]", os.getpid())


def serve(
    port: int,
    database_url: str | None = None,
    workers: int = 1,
    host: str = "127.0.0.1",
    *,
    access_log: bool = True,
    log_level: str = "info",
) -> None:
    """Serve the API (and the web pages) until interrupted."""
    settings = Settings.from_env(database_url=database_url)
    if database_url:
        os.environ[ENV_PREFIX + "DATABASE_URL"] = database_url
    # migrate once before the workers start, and fail here with a clear message
    open_repository(settings).close()
    workers = max(1, workers)
    options: dict[str, Any] = {
        "app": FACTORY,
        "factory": True,
        "host": host,
        "port": port,
        "access_log": access_log,
        "log_level": log_level,
        "server_header": False,
    }
    if workers > 1 and sys.platform == "linux" and hasattr(socket, "SO_REUSEPORT"):
        uvicorn.Config(**options).configure_logging()
        _check_port_free(host, port)
        log.info("Uvicorn running on http://%s:%d (Press CTRL+C to quit)", host, port)
        _supervise(options, workers)
        return
    config = _Config(**options, workers=workers)
    server = uvicorn.Server(config)
    try:
        if workers > 1:
            Multiprocess(config, sockets=[config.bind_socket()]).run()
        else:
            server.run()
    except KeyboardInterrupt:
        pass
    if workers == 1 and not server.started:
        sys.exit(STARTUP_FAILURE)


def main(argv: list[str] | None = None) -> None:
    """`python -m bleedcheck.api.serve` (the CLI's `bleedcheck serve` calls `serve`)."""
    parser = argparse.ArgumentParser(prog="python -m bleedcheck.api.serve")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--no-access-log", action="store_true")
    args = parser.parse_args(argv)
    serve(
        args.port,
        args.database_url,
        args.workers,
        args.host,
        access_log=not args.no_access_log,
    )


if __name__ == "__main__":
    main()
