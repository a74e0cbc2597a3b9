"""A worker process that extracts batches for its parent, and the parent's handle on it.

A time budget is kept by the parent, outside the extracting code: a worker
past its budget is killed and replaced. So it holds wherever the worker's
interpreter is (a garbage-collection callback, a long regular-expression match,
native code with signals blocked), which no signal handler inside the worker
can promise.

The worker is a fresh interpreter (not a fork), so it starts loading the model
at once and shares nothing with a parent that may hold threads, a database
connection or a progress bar; a Dask worker, a daemon process, may start one.
"""
from __future__ import annotations

import gc
import os
import pickle
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from warwire.engine.prepared import Prepared, Wants, prepare
from warwire.model import Article, Report

ExtractFn = Callable[[list[Article]], list[list[Report]]]
#: (article id, its reports in the forms the run wants, None) or (article id, None, what went wrong).
Outcome = tuple[str, "Prepared | None", "str | None"]

# How a warm-up call loads the model and knowledge before the first real batch.
_WARM_UP = Article(text="Warm-up: the army shelled a village near Idlib on Monday.", published="2020-01-01")


@dataclass
class Done:
    """A finished batch: its outcomes, or ``lost`` when the worker running it died."""

    key: int
    outcomes: list[Outcome] | None = None
    lost: str | None = None
    attributed: bool = False  # the loss is known to be this batch's own doing
    certain: bool = False  # ... and it has already been retried enough to call the article poisoned


class WorkerDied(Exception):
    """The worker process ended while it held a batch (killed from outside, out of memory, a native crash)."""


def default_extract_fn() -> ExtractFn:
    """The extractor's batch function, ``warwire.extract.extract_batch``."""
    from warwire.extract import extract_batch

    return extract_batch


def warm_up(fn: ExtractFn) -> None:
    """Load the model and knowledge now (the extractor caches them per process)."""
    try:
        fn([_WARM_UP])
    except Exception:
        pass  # a real batch will report the problem per article


def timeout_error(timeout: float) -> str:
    return f"timeout: extraction ran past {timeout:g} s (--timeout)"


def batch_budget(timeout: float | None, n: int) -> float | None:
    """Seconds a batch of ``n`` may take: one article's budget plus a tenth of one per article.

    Far above what a normal batch needs; a batch past it is split and each article runs with its own budget.
    """
    if not timeout:
        return None
    return timeout * (1 + n / 10) if n > 1 else timeout


#: A worker denied the processor by other work gets up to this many times its budget on the clock.
STARVED = 10


def _cpu_seconds(pid: int) -> float | None:
    """CPU seconds (user and system) process ``pid`` has used, from /proc; None where there is none (not Linux)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:2000]


class Worker:
    """The parent's handle on one worker process; started on first use and again after it is killed.

    The process hands back each article's reports in the forms ``wants`` names (``warwire.engine.prepared``).
    """

    def __init__(self, extract_fn: ExtractFn | None = None, wants: Wants = Wants()) -> None:
        self.fn_bytes = pickle.dumps((extract_fn, wants))
        self.process: subprocess.Popen | None = None
        self.conn: Connection | None = None
        self.ready = False
        self.closed = False  # closed for good: not started again
        self.ready_at: float | None = None  # time.perf_counter() when the model was first loaded
        self.lock = threading.Lock()  # start() and kill() may come from different threads

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process is not None and self.process.poll() is None else None

    def start(self) -> None:
        """Start the process; it loads the model in the background (see :meth:`wait_ready`)."""
        with self.lock:
            if self.closed:
                raise WorkerDied("the run is over")
            if self.process is not None and self.process.poll() is None:
                return
            ours, theirs = socket.socketpair()
            package_root = str(Path(__file__).resolve().parents[2])
            code = ("import sys; sys.path.insert(0, sys.argv[1]); "
                    "from warwire.engine.worker import main; main(int(sys.argv[2]))")
            try:
                self.process = subprocess.Popen([sys.executable, "-c", code, package_root, str(theirs.fileno())],
                                                pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL,
                                                close_fds=True)
            finally:
                theirs.close()
            self.conn = Connection(ours.detach())
            self.conn.send((list(sys.path), self.fn_bytes))
            self.ready = False

    def wait_ready(self) -> None:
        """Block until the process has loaded the model; :class:`WorkerDied` if it ends first."""
        if self.process is None or self.process.poll() is not None:
            self.start()
        if self.ready:
            return
        try:
            message = self.conn.recv()
        except (EOFError, OSError) as exc:
            self.kill()
            raise WorkerDied("worker process died while starting") from exc
        assert message == "ready", message
        self.ready = True
        if self.ready_at is None:
            self.ready_at = time.perf_counter()

    def run(self, batch: list[Article], budget: float | None) -> tuple[str, object]:
        """Extract ``batch`` in the worker: ``("ok", results)``, ``("raised", why)`` or ``("timeout", None)``.

        A worker that has worked ``budget`` seconds on the batch is killed (and started again on next use);
        one that ends on its own raises :class:`WorkerDied`. The budget starts once the worker has loaded
        the model. Where the process's CPU time can be read, a worker that a busy machine starves of the
        processor gets up to :data:`STARVED` times the budget on the clock; a stalled one (waiting, or
        with signals blocked) is killed then.
        """
        self.wait_ready()
        try:
            self.conn.send(batch)
            if budget is None:
                self.conn.poll(None)
                return self.conn.recv()
            started, cpu_before = time.monotonic(), _cpu_seconds(self.process.pid)
            wait = budget
            while not self.conn.poll(wait):
                cpu = _cpu_seconds(self.process.pid)
                worked = cpu - cpu_before if cpu is not None and cpu_before is not None else None
                elapsed = time.monotonic() - started
                if worked is None or worked >= budget or elapsed >= STARVED * budget:
                    self.kill()
                    return "timeout", None
                wait = min(max(budget - worked, 0.05), STARVED * budget - elapsed)
            return self.conn.recv()
        except (EOFError, OSError) as exc:
            code = self.kill()
            raise WorkerDied(f"worker process died (exit code {code})") from exc

    def kill(self) -> int | None:
        """End the process now; returns its exit code."""
        with self.lock:
            code = None
            if self.process is not None:
                if self.process.poll() is None:
                    self.process.kill()
                code = self.process.wait()
            if self.conn is not None:
                self.conn.close()
            self.process, self.conn, self.ready = None, None, False
            return code

    def close(self, now: bool = False) -> None:
        """End the process for good: at once (``now``), or after it sees the connection close when idle."""
        self.closed = True
        if now:
            self.kill()
            return
        with self.lock:
            process, conn = self.process, self.conn
            self.process, self.conn, self.ready = None, None, False
        if conn is not None:
            conn.close()
        if process is not None:
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def extract_guarded(worker: Worker, batch: list[Article], timeout: float | None) -> list[Outcome]:
    """Extract a batch in ``worker``; an article that raises or runs past ``timeout`` becomes an error outcome.

    The batch first runs whole (the fast path: the parser streams it) within :func:`batch_budget`. If it
    raises or runs out of time, each article runs alone with its own budget, so one bad article costs only
    itself and a little of its batch's time. :class:`WorkerDied` when the worker ends on its own.
    """
    status, value = worker.run(batch, batch_budget(timeout, len(batch)))
    if status == "ok":
        return [(a.id, p, None) for a, p in zip(batch, value)]
    if len(batch) == 1:
        return [(batch[0].id, None, timeout_error(timeout) if status == "timeout" else value)]
    return [outcome for a in batch for outcome in extract_guarded(worker, [a], timeout)]


def _as_list(reports) -> list:
    """An extractor's reports as a list; a list (with the article's cumulative tolls on it) as it is."""
    return reports if isinstance(reports, list) else list(reports)


def extract_prepared(fn: ExtractFn, batch: list[Article], wants: Wants) -> list[Prepared]:
    """Extract a batch with ``fn`` and prepare each article's reports as ``wants`` names; raises what ``fn`` raises."""
    results = fn(batch)
    if len(results) != len(batch):
        raise RuntimeError(f"the extractor returned {len(results)} results for {len(batch)} articles")
    return [prepare(a, _as_list(reps), wants) for a, reps in zip(batch, results)]


def extract_here(fn: ExtractFn, batch: list[Article], wants: Wants = Wants()) -> list[Outcome]:
    """Extract a batch in this process, without a time budget; an article that raises becomes an error outcome."""
    try:
        return [(a.id, p, None) for a, p in zip(batch, extract_prepared(fn, batch, wants))]
    except Exception as exc:
        if len(batch) == 1:
            return [(batch[0].id, None, _describe(exc))]
    return [outcome for a in batch for outcome in extract_here(fn, [a], wants)]


def _exit_with_parent(parent: int, every: float = 1.0) -> None:
    """End this process when its parent dies, also while it is busy extracting."""

    def watch() -> None:
        while True:
            time.sleep(every)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="warwire-parent-watch", daemon=True).start()


def main(fd: int) -> None:
    """The worker process: load the model, then extract each batch the parent sends until it hangs up."""
    # Ctrl-C goes to the parent, which decides what to stop; a worker must not die on its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent(os.getppid())
    conn = Connection(fd)
    try:
        path, fn_bytes = conn.recv()
        sys.path[:] = path
        from warwire.knowledge.programs import keep_programs, save_programs

        keep_programs()  # the readers' patterns, spaCy's and the knowledge's, built from the kept programs
        fn, wants = pickle.loads(fn_bytes)
        fn = fn or default_extract_fn()
        warm_up(fn)
        save_programs()
        # The model and knowledge live as long as the process: keep the collector from walking them.
        gc.collect()
        gc.freeze()
        from warwire.extract.nlp import collect_less_often

        collect_less_often()  # (as loading the extractor does; here for any batch function too)
        conn.send("ready")
        while True:
            batch = conn.recv()
            try:
                reply = ("ok", extract_prepared(fn, batch, wants))
            except Exception as exc:
                reply = ("raised", _describe(exc))
            try:
                conn.send(reply)
            except (pickle.PicklingError, TypeError, AttributeError) as exc:  # pickled before anything is sent
                conn.send(("raised", _describe(exc)))
    except (EOFError, OSError, KeyboardInterrupt):
        pass
    finally:
        os._exit(0)  # skip the exit-time collection of the model
