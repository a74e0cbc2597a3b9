"""Where batches run on this machine: in this process, or in a local pool of worker processes.

Every engine (also the Dask one, :mod:`warwire.engine.cluster`) hands back one outcome per article of a batch: ``(article_id,
reports, None)`` or ``(article_id, None, error)``. An article that makes the
extractor raise, or runs past its time budget, becomes an error outcome, so the
batch still finishes. Time budgets are kept from outside the extracting code:
a worker process past its budget is killed and replaced (see
:mod:`warwire.engine.worker`), so with a timeout every engine extracts in worker
processes, also with one worker. Only a worker that dies on its own (killed,
out of memory, a crash in native code) loses a batch; engines report that as
*lost* and the runner decides what to resubmit.
"""
from __future__ import annotations

import os
import queue
import threading
import time

from warwire.engine.prepared import Wants
from warwire.engine.worker import (Done, ExtractFn, Worker, WorkerDied, default_extract_fn, extract_guarded,
                                   extract_here, warm_up)
from warwire.model import Article


class InProcessEngine:
    """Runs batches one at a time in this process (``--workers 1`` with no timeout: nothing to enforce)."""

    dashboard_link = None
    isolates_deaths = False  # a death here is the driver's own

    def __init__(self, extract_fn: ExtractFn | None = None, wants: Wants = Wants()) -> None:
        from warwire.knowledge.programs import keep_programs, save_programs

        keep_programs()  # as a worker process does: the readers' patterns built from the kept programs
        self.fn = extract_fn or default_extract_fn()
        self.wants = wants
        self.queue: list[tuple[int, list[Article]]] = []
        warm_up(self.fn)
        save_programs()

    @property
    def workers(self) -> int:
        return 1

    def submit(self, key: int, batch: list[Article]) -> None:
        self.queue.append((key, batch))

    def done(self, wait_seconds: float = 1.0) -> list[Done]:
        if not self.queue:
            return []
        key, batch = self.queue.pop(0)
        return [Done(key, extract_here(self.fn, batch, self.wants))]

    def pids(self) -> list[int]:
        return [os.getpid()]

    def close(self) -> None:
        self.queue.clear()


class PoolEngine:
    """A local pool of worker processes, each fed by a thread of the driver.

    Every worker starts loading the model at once, in parallel, and the driver loads none. A worker
    holds one batch at a time, so a death is pinned on the batch it held, and a worker past its time
    budget is killed and replaced without touching the others.
    """

    dashboard_link = None
    isolates_deaths = True

    def __init__(self, workers: int, timeout: float | None, extract_fn: ExtractFn | None = None,
                 wants: Wants = Wants()) -> None:
        self.workers = workers
        self.timeout = timeout
        self.started = time.perf_counter()
        self.slots = [Worker(extract_fn, wants) for _ in range(workers)]
        for worker in self.slots:
            worker.start()
        self.tasks: queue.Queue = queue.Queue()
        self.results: queue.Queue = queue.Queue()
        self.in_flight = 0
        self.closing = False
        self.threads = [threading.Thread(target=self._serve, args=(w,), name=f"warwire-worker-{i}", daemon=True)
                        for i, w in enumerate(self.slots)]
        for thread in self.threads:
            thread.start()

    def _serve(self, worker: Worker) -> None:
        while True:
            item = self.tasks.get()
            if item is None or self.closing:
                return
            key, batch = item
            try:
                done = Done(key, extract_guarded(worker, batch, self.timeout))
            except WorkerDied as exc:
                done = Done(key, lost=str(exc), attributed=True)
            except Exception as exc:  # the batch could not reach the worker (say, it could not be pickled)
                worker.kill()
                done = Done(key, lost=f"{type(exc).__name__}: {exc}"[:2000], attributed=True)
            self.results.put(done)

    @property
    def loaded_in(self) -> float | None:
        """Seconds from the start until every worker had loaded the model (None while one has not)."""
        times = [w.ready_at for w in self.slots]
        return None if None in times else max(times) - self.started

    def submit(self, key: int, batch: list[Article]) -> None:
        self.in_flight += 1
        self.tasks.put((key, batch))

    def done(self, wait_seconds: float = 1.0) -> list[Done]:
        if not self.in_flight:
            return []
        try:
            out = [self.results.get(timeout=wait_seconds)]
        except queue.Empty:
            return []
        while True:
            try:
                out.append(self.results.get_nowait())
            except queue.Empty:
                break
        self.in_flight -= len(out)
        return out

    def pids(self) -> list[int]:
        """Process ids of the live worker processes."""
        return [pid for w in self.slots if (pid := w.pid) is not None]

    def close(self) -> None:
        self.closing = True
        busy = self.in_flight > 0  # interrupted: do not wait for batches nobody will write
        for _ in self.threads:
            self.tasks.put(None)
        for worker in self.slots:
            worker.close(now=busy)
        for thread in self.threads:
            thread.join(10)
