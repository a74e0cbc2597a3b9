"""Where extraction batches run: in this process, a local pool of worker processes, or a Dask cluster.

Every engine hands back one outcome per article of a batch: ``(article_id,
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

import functools
import os
import queue
import threading
from dataclasses import dataclass

from warwire.engine.worker import (ExtractFn, Outcome, Worker, WorkerDied, default_extract_fn,
                                   extract_guarded, extract_here, warm_up)
from warwire.errors import E, WarwireError
from warwire.model import Article

__all__ = ["Done", "ExtractFn", "Outcome", "make_engine", "default_extract_fn", "warm_up"]


@dataclass
class Done:
    """A finished batch: its outcomes, or ``lost`` when the worker running it died."""

    key: int
    outcomes: list[Outcome] | None = None
    lost: str | None = None
    attributed: bool = False  # the loss is known to be this batch's own doing
    certain: bool = False  # ... and it has already been retried enough to call the article poisoned


class InProcessEngine:
    """Runs batches one at a time in this process (``--workers 1`` with no timeout: nothing to enforce)."""

    dashboard_link = None
    isolates_deaths = False  # a death here is the driver's own

    def __init__(self, extract_fn: ExtractFn | None = None) -> None:
        self.fn = extract_fn or default_extract_fn()
        self.queue: list[tuple[int, list[Article]]] = []
        warm_up(self.fn)

    @property
    def workers(self) -> int:
        return 1

    def submit(self, key: int, batch: list[Article]) -> None:
        self.queue.append((key, batch))

    def done(self, wait_seconds: float = 1.0) -> list[Done]:
        if not self.queue:
            return []
        key, batch = self.queue.pop(0)
        return [Done(key, extract_here(self.fn, batch))]

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

    def __init__(self, workers: int, timeout: float | None, extract_fn: ExtractFn | None = None) -> None:
        self.workers = workers
        self.timeout = timeout
        self.slots = [Worker(extract_fn) for _ in range(workers)]
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


# Worker processes of this Dask worker that no task holds, by extract function: a task borrows one.
_spare: dict[bytes, list[Worker]] = {}
_spare_lock = threading.Lock()


def _borrow(extract_fn: ExtractFn | None) -> Worker:
    import pickle

    with _spare_lock:
        spare = _spare.setdefault(pickle.dumps(extract_fn), [])
        return spare.pop() if spare else Worker(extract_fn)


def _give_back(worker: Worker) -> None:
    with _spare_lock:
        _spare[worker.fn_bytes].append(worker)


def dask_task(batch: list[Article], timeout: float | None, extract_fn: ExtractFn | None = None) -> list[Outcome]:
    """A batch as a Dask task: without a timeout in the Dask worker itself, with one in a worker process of it.

    A worker process that dies costs its batch a second try, article by article; an article whose
    worker dies twice is an error.
    """
    if not timeout:
        return extract_here(extract_fn or default_extract_fn(), batch)
    worker = _borrow(extract_fn)
    try:
        return _guarded_twice(worker, batch, timeout)
    finally:
        _give_back(worker)


def _guarded_twice(worker: Worker, batch: list[Article], timeout: float, tries: int = 2) -> list[Outcome]:
    try:
        return extract_guarded(worker, batch, timeout)
    except WorkerDied as exc:
        if len(batch) > 1:
            return [o for a in batch for o in _guarded_twice(worker, [a], timeout)]
        if tries > 1:
            return _guarded_twice(worker, batch, timeout, tries - 1)
        return [(batch[0].id, None, f"worker died while extracting this article, twice ({exc})")]


def _start_loading(extract_fn: ExtractFn | None, timeout: float | None) -> None:
    if timeout:  # tasks extract in a worker process: start it loading now
        spare = _borrow(extract_fn)
        spare.start()
        _give_back(spare)
    else:
        warm_up(extract_fn or default_extract_fn())


def _close_spares() -> None:
    with _spare_lock:
        for spare in _spare.values():
            for worker in spare:
                worker.close(now=True)
        _spare.clear()


@functools.cache
def _warm_up_plugin() -> type:
    """A Dask worker plugin class that loads the model and knowledge when a worker starts or restarts.

    Built on first use, so that importing this module does not import Dask.
    """
    from distributed import WorkerPlugin

    class WarmUpPlugin(WorkerPlugin):
        name = "warwire-warm-up"

        def __init__(self, extract_fn: ExtractFn | None = None, timeout: float | None = None) -> None:
            self.extract_fn = extract_fn
            self.timeout = timeout

        def setup(self, worker) -> None:
            _start_loading(self.extract_fn, self.timeout)

        def teardown(self, worker) -> None:
            _close_spares()

    WarmUpPlugin.__module__ = __name__
    WarmUpPlugin.__qualname__ = "WarmUpPlugin"
    return WarmUpPlugin


def __getattr__(name: str):
    # Lets pickle find the plugin class by name on a Dask worker.
    if name == "WarmUpPlugin":
        return _warm_up_plugin()
    raise AttributeError(name)


class DaskEngine:
    """Batches as Dask tasks on a cluster (``--scheduler``) or on a local cluster of worker processes.

    Dask reschedules the tasks of a worker that dies on its own; a task that has
    killed several workers comes back as ``KilledWorker``, which is attributed to it.
    """

    isolates_deaths = True  # the scheduler pins worker deaths on tasks (KilledWorker)

    def __init__(self, workers: int, timeout: float | None, scheduler: str | None = None,
                 extract_fn: ExtractFn | None = None) -> None:
        import dask
        from distributed import Client, LocalCluster, as_completed

        self.timeout = timeout
        self.extract_fn = extract_fn
        self.cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="20s")
            else:
                # One retry before Dask gives up on a task that kills its worker: the runner then
                # splits the batch to find the article, and each retry costs a worker restart.
                with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
                    # Port 0: several runs (or users) on one machine must not fight over the dashboard port.
                    self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                dashboard_address=":0")
                self.client = Client(self.cluster)
        except (OSError, TimeoutError, ValueError) as exc:
            raise WarwireError(E.E211, scheduler=scheduler or "(local cluster)", why=str(exc)[:200]) from exc
        self.client.register_plugin(_warm_up_plugin()(extract_fn, timeout))
        self.dashboard_link = self.client.dashboard_link
        self.as_completed = as_completed([], with_results=False)
        self.keys: dict[str, int] = {}
        self.futures: dict[str, object] = {}

    @property
    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def submit(self, key: int, batch: list[Article]) -> None:
        future = self.client.submit(dask_task, batch, self.timeout, self.extract_fn, pure=False)
        self.keys[future.key] = key
        self.futures[future.key] = future
        self.as_completed.add(future)

    def done(self, wait_seconds: float = 1.0) -> list[Done]:
        from distributed import KilledWorker
        from distributed.client import FutureCancelledError

        if not self.futures:
            return []
        out: list[Done] = []
        # Blocks until a task ends; Dask reruns the tasks of a dead worker, so every task does end.
        batch = self.as_completed.next_batch(block=True)
        for future in batch:
            key = self.keys.pop(future.key)
            self.futures.pop(future.key, None)
            try:
                out.append(Done(key, future.result()))
            except KilledWorker as exc:
                out.append(Done(key, lost=f"Dask worker died ({exc})", attributed=True, certain=True))
            except FutureCancelledError as exc:
                out.append(Done(key, lost=f"Dask task cancelled ({exc})"))
            except Exception as exc:  # the task's result could not reach us (say, it could not be unpickled)
                out.append(Done(key, lost=f"{type(exc).__name__}: {exc}", attributed=True, certain=True))
            finally:
                future.release()
        return out

    def pids(self) -> list[int]:
        """Process ids of the workers (the processes running the tasks)."""
        return list(self.client.run(os.getpid).values())

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_engine(engine: str, workers: int, timeout: float | None, scheduler: str | None = None,
                extract_fn: ExtractFn | None = None):
    """The engine named ``local`` or ``dask``; ``local`` with one worker and no timeout runs in this process."""
    if engine == "dask":
        return DaskEngine(workers, timeout, scheduler, extract_fn)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}; choose local or dask")
    if workers <= 1 and not timeout:
        return InProcessEngine(extract_fn)
    return PoolEngine(workers, timeout, extract_fn)
