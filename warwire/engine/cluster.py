"""Batches as Dask tasks, on a cluster (``--scheduler``) or on a local cluster of worker processes.

Imported only for ``--engine dask``: Dask is an optional extra (``pip install 'warwire[dask]'``).
"""
from __future__ import annotations

import os
import pickle
import threading

import dask
from distributed import Client, KilledWorker, LocalCluster, WorkerPlugin, as_completed
from distributed.client import FutureCancelledError

from warwire.engine.prepared import Wants
from warwire.engine.worker import (Done, ExtractFn, Outcome, Worker, WorkerDied, default_extract_fn,
                                   extract_guarded, extract_here, warm_up)
from warwire.errors import E, WarwireError
from warwire.model import Article


# Worker processes of this Dask worker that no task holds, by extract function and wanted forms: a task borrows one.
_spare: dict[bytes, list[Worker]] = {}
_spare_lock = threading.Lock()


def _borrow(extract_fn: ExtractFn | None, wants: Wants) -> Worker:
    with _spare_lock:
        spare = _spare.setdefault(pickle.dumps((extract_fn, wants)), [])
        return spare.pop() if spare else Worker(extract_fn, wants)


def _give_back(worker: Worker) -> None:
    with _spare_lock:
        _spare[worker.fn_bytes].append(worker)


def dask_task(batch: list[Article], timeout: float | None, extract_fn: ExtractFn | None = None,
              wants: Wants = Wants()) -> list[Outcome]:
    """A batch as a Dask task: without a timeout in the Dask worker itself, with one in a worker process of it.

    A worker process that dies costs its batch a second try, article by article; an article whose
    worker dies twice is an error.
    """
    if not timeout:
        return extract_here(extract_fn or default_extract_fn(), batch, wants)
    worker = _borrow(extract_fn, wants)
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


def _start_loading(extract_fn: ExtractFn | None, timeout: float | None, wants: Wants) -> None:
    if timeout:  # tasks extract in a worker process: start it loading now
        spare = _borrow(extract_fn, wants)
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


class WarmUpPlugin(WorkerPlugin):
    """Loads the model and knowledge when a Dask worker starts or restarts (in a worker process of it
    when tasks have a timeout)."""

    name = "warwire-warm-up"

    def __init__(self, extract_fn: ExtractFn | None = None, timeout: float | None = None,
                 wants: Wants = Wants()) -> None:
        self.extract_fn = extract_fn
        self.wants = wants
        self.timeout = timeout

    def setup(self, worker) -> None:
        _start_loading(self.extract_fn, self.timeout, self.wants)

    def teardown(self, worker) -> None:
        _close_spares()


class DaskEngine:
    """Runs batches as Dask tasks.

    Dask reschedules the tasks of a worker that dies on its own; a task that has
    killed several workers comes back as ``KilledWorker``, which is attributed to it.
    """

    isolates_deaths = True  # the scheduler pins worker deaths on tasks (KilledWorker)

    def __init__(self, workers: int, timeout: float | None, scheduler: str | None = None,
                 extract_fn: ExtractFn | None = None, wants: Wants = Wants()) -> None:
        self.timeout = timeout
        self.extract_fn = extract_fn
        self.wants = wants
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
        self.client.register_plugin(WarmUpPlugin(extract_fn, timeout, wants))
        self.dashboard_link = self.client.dashboard_link
        self.as_completed = as_completed([], with_results=False)
        self.keys: dict[str, int] = {}
        self.futures: dict[str, object] = {}

    @property
    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def submit(self, key: int, batch: list[Article]) -> None:
        future = self.client.submit(dask_task, batch, self.timeout, self.extract_fn, self.wants, pure=False)
        self.keys[future.key] = key
        self.futures[future.key] = future
        self.as_completed.add(future)

    def done(self, wait_seconds: float = 1.0) -> list[Done]:
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
