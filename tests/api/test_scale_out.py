"""Scale-out: two real server processes on two ports share one database; an interview
begun on one is finished on the other. Both start at once, so they also race to migrate."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.api.patients import POSTCOITAL, answer_for


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Server:
    def __init__(self, database_url: str, log: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        env = {**os.environ, "BLEEDCHECK_DATABASE_URL": database_url}
        command = [sys.executable, "-m", "bleedcheck.api.serve", "--port", str(self.port)]
        with log.open("wb") as out:
            self.process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)

    def wait_ready(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"server exited early:\n{self.log.read_text()}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1.0).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        pytest.fail(f"server not ready after {timeout}s:\n{self.log.read_text()}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture
def two_servers(database_url: str, tmp_path: Path) -> Iterator[tuple[Server, Server]]:
    servers = (Server(database_url, tmp_path / "a.log"), Server(database_url, tmp_path / "b.log"))
    try:
        for server in servers:
            server.wait_ready()
        yield servers
    finally:
        for server in servers:
            server.stop()


def test_interview_begun_on_one_process_is_finished_on_the_other(
    two_servers: tuple[Server, Server],
) -> None:
    a, b = two_servers
    with (
        httpx.Client(base_url=a.url, timeout=30) as on_a,
        httpx.Client(base_url=b.url, timeout=30) as on_b,
    ):
        created = on_a.post("/v1/interviews", json={"lang": "en"})
        assert created.status_code == 201, created.text
        data = created.json()
        iid, auth = data["id"], {"Authorization": f"Bearer {data['token']}"}
        clients = (on_b, on_a)  # the first answer goes to the other process
        turn = 0
        while not data["step"]["should_stop"]:
            question = data["step"]["question"]
            body = {
                "step": data["step"]["step"],
                "question_id": question["id"],
                "answer": answer_for(question, POSTCOITAL),
            }
            response = clients[turn % 2].post(
                f"/v1/interviews/{iid}/answers", json=body, headers=auth
            )
            assert response.status_code == 200, response.text
            data = response.json()
            turn += 1
            assert turn < 40
        # a stale replay of step 1 on either process is refused the same way
        first = data["history"][0]
        stale = {"step": 1, "question_id": first["question_id"], "answer": "unknown"}
        assert (
            on_b.post(f"/v1/interviews/{iid}/answers", json=stale, headers=auth).status_code == 409
        )
        finished_b = on_b.get(f"/v1/interviews/{iid}", headers=auth).json()
        finished_a = on_a.get(f"/v1/interviews/{iid}", headers=auth).json()
    assert finished_a == finished_b
    assert finished_a["assessment"] is not None
    assert len(finished_a["history"]) == turn
