"""Where extraction batches run: in this process, a local process pool, or a Dask cluster.

Every engine runs the same worker function, :func:`extract_guarded`, on a batch
of articles and hands back one outcome per article: ``(article_id, reports,
None)`` or ``(article_id, None, error)``. An article that makes the extractor
raise, or runs past its time budget, becomes an error outcome inside the
worker, so the batch still finishes. Only a worker that dies (killed, out of
memory, a crash in native code) loses a batch; engines report that as *lost*
and the runner decides what to resubmit.
"""
from __future__ import annotations

import ctypes
import functools
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, CancelledError, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass

from warwire.errors import E, WarwireError
from warwire.model import Article, Report

ExtractFn = Callable[[list[Article]], list[list[Report]]]
Outcome = tuple[str, "list[Report] | None", "str | None"]

# How a warm-up call loads the model and knowledge before the first real batch.
_WARM_UP = Article(text="Warm-up: the army shelled a village near Idlib on Monday.", published="2020-01-01")


class ArticleTimeout(BaseException):
    """Raised inside a worker when extraction runs past its time budget.

    A BaseException, so that a broad ``except Exception`` in the extractor cannot swallow it.
    """


def default_extract_fn() -> ExtractFn:
    """The extractor's batch function, ``warwire.extract.extract_batch``."""
    from warwire.extract import extract_batch

    return extract_batch


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise :class:`ArticleTimeout` in the calling thread if the block runs past ``seconds``.

    In a process's main thread this is a real-time interval timer (SIGALRM), which also
    interrupts long regular-expression matches; in other threads (Dask runs tasks in a
    thread pool) the exception is delivered asynchronously at the next bytecode.
    """
    if not seconds or seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        def _alarm(signum, frame):
            raise ArticleTimeout(f"extraction ran past {seconds:g} s")

        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        return
    thread_id = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    state = {"active": True, "fired": False}

    def _fire() -> None:
        with lock:
            if state["active"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(thread_id, ctypes.py_object(ArticleTimeout))

    timer = threading.Timer(seconds, _fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["active"] = False
            if state["fired"]:
                # The exception may still be pending if the block ended first: withdraw it.
                ctypes.pythonapi.PyThreadState_SetAsyncExc(thread_id, None)
        timer.cancel()


def _describe(exc: BaseException, timeout: float | None) -> str:
    if isinstance(exc, ArticleTimeout):
        return f"timeout: extraction ran past {timeout:g} s (--timeout)"
    return f"{type(exc).__name__}: {exc}"[:2000]


def extract_guarded(batch: list[Article], timeout: float | None = None,
                    extract_fn: ExtractFn | None = None) -> list[Outcome]:
    """Extract a batch; an article that raises or runs past ``timeout`` becomes an error outcome.

    The batch first runs whole (the fast path: the parser streams it), with the
    budget of one article plus a tenth of one per article, far above what a
    normal batch needs. If that fails, each article runs alone with its own
    budget, so one bad article costs only itself and a little of its batch's time.
    """
    fn = extract_fn or _worker_fn or default_extract_fn()
    budget = timeout * (1 + len(batch) / 10) if timeout and len(batch) > 1 else timeout
    try:
        with deadline(budget):
            results = fn(batch)
        if len(results) != len(batch):
            raise RuntimeError(f"the extractor returned {len(results)} results for {len(batch)} articles")
        return [(a.id, list(reps), None) for a, reps in zip(batch, results)]
    except (Exception, ArticleTimeout) as exc:
        if len(batch) == 1:
            return [(batch[0].id, None, _describe(exc, timeout))]
    return [outcome for a in batch for outcome in extract_guarded([a], timeout, fn)]


# Per-process state of a pool worker, set once by the initializer.
_worker_fn: ExtractFn | None = None


def _init_worker(extract_fn: ExtractFn | None) -> None:
    """Runs once per worker process: load the model and knowledge before the first batch."""
    global _worker_fn
    # Ctrl-C goes to the driver, which shuts the pool down; a worker must not die mid-write.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_driver()
    _worker_fn = extract_fn or default_extract_fn()
    warm_up(_worker_fn)


def _exit_with_driver(every: float = 1.0) -> None:
    """End this worker when the driver dies (say, killed with SIGKILL), instead of waiting forever for work."""
    driver = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(every)
            if os.getppid() != driver:
                os._exit(1)

    threading.Thread(target=watch, name="warwire-driver-watch", daemon=True).start()


def warm_up(fn: ExtractFn) -> None:
    """Load the model and knowledge now (the extractor caches them per process)."""
    try:
        fn([_WARM_UP])
    except Exception:
        pass  # a real batch will report the problem per article


@dataclass
class Done:
    """A finished batch: its outcomes, or ``lost`` when the worker running it died."""

    key: int
    outcomes: list[Outcome] | None = None
    lost: str | None = None
    attributed: bool = False  # the loss is known to be this batch's own doing
    certain: bool = False  # ... and it has already been retried enough to call the article poisoned


class InProcessEngine:
    """Runs batches one at a time in this process (``--workers 1``)."""

    dashboard_link = None
    isolates_deaths = False  # a death is pinned on a batch only when it ran alone

    def __init__(self, timeout: float | None, extract_fn: ExtractFn | None = None) -> None:
        self.timeout = timeout
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
        return [Done(key, extract_guarded(batch, self.timeout, self.fn))]

    def pids(self) -> list[int]:
        return [os.getpid()]

    def close(self) -> None:
        self.queue.clear()


class PoolEngine:
    """A local pool of worker processes; a pool broken by a dead worker is replaced."""

    dashboard_link = None
    isolates_deaths = False  # a death is pinned on a batch only when it ran alone

    def __init__(self, workers: int, timeout: float | None, extract_fn: ExtractFn | None = None) -> None:
        self.workers = workers
        self.timeout = timeout
        self.extract_fn = extract_fn
        # On Linux, fork after loading the model here: workers share its memory and start at once, also
        # when a pool broken by a dead worker is replaced (spaCy's own multi-process pipe does the same).
        # Elsewhere fork is missing or unsafe, and each worker loads the model in its initializer.
        if sys.platform.startswith("linux"):
            self.context = multiprocessing.get_context("fork")
            warm_up(extract_fn or default_extract_fn())
        else:
            self.context = multiprocessing.get_context("spawn")
        self.pool: ProcessPoolExecutor | None = None
        self.futures: dict = {}
        self.sent: dict = {}  # future -> (when it was submitted, articles in its batch)
        self.lost: list[Done] = []

    def _pool(self) -> ProcessPoolExecutor:
        if self.pool is None:
            self.pool = ProcessPoolExecutor(self.workers, mp_context=self.context,
                                            initializer=_init_worker, initargs=(self.extract_fn,))
        return self.pool

    def submit(self, key: int, batch: list[Article]) -> None:
        try:
            future = self._pool().submit(extract_guarded, batch, self.timeout)
        except BrokenProcessPool:
            self._lose_all("worker process died")
            future = self._pool().submit(extract_guarded, batch, self.timeout)
        self.futures[future] = key
        self.sent[future] = (time.monotonic(), len(batch))

    def overdue_after(self, n: int) -> float | None:
        """Seconds after which a batch of ``n`` is taken for hung: twice the most a guarded batch can take.

        A worker stuck where the time budget cannot reach it (inside native code, with signals
        blocked) is killed then, and its batch handled as any lost batch.
        """
        if not self.timeout:
            return None
        longest = self.timeout * (1 + n / 10) + n * self.timeout if n > 1 else self.timeout
        return 2 * longest + 5 * self.timeout

    def _kill_hung(self) -> bool:
        now = time.monotonic()
        hung = [f for f in self.futures if (limit := self.overdue_after(self.sent[f][1])) is not None
                and now - self.sent[f][0] > limit]
        if hung:
            self._kill_workers()
        return bool(hung)

    def _kill_workers(self) -> None:
        for pid in self.pids():
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def _lose_all(self, why: str) -> None:
        """Give up the broken pool: every batch still in it is lost (reported by the next ``done``)."""
        self.lost.extend(Done(key, lost=why) for key in self.futures.values())
        self.futures.clear()
        self.sent.clear()
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = None

    def done(self, wait_seconds: float = 1.0) -> list[Done]:
        out, self.lost = self.lost, []
        if not self.futures:
            return out
        finished, _ = wait(list(self.futures), timeout=wait_seconds, return_when=FIRST_COMPLETED)
        why = "worker process died"
        if not finished and self._kill_hung():
            why = "worker hung past its time budget and was killed"
            finished, _ = wait(list(self.futures), timeout=30, return_when=FIRST_COMPLETED)
        broken = False
        for future in finished:
            key = self.futures.pop(future)
            self.sent.pop(future, None)
            try:
                out.append(Done(key, future.result()))
            except (BrokenProcessPool, CancelledError):
                broken = True
                out.append(Done(key, lost=why))
        if broken:
            # Only a batch that ran alone is to blame; the others in the broken pool are lost with it.
            alone = len(out) == 1 and not self.futures
            for d in out:
                if d.lost:
                    d.attributed = alone
            self._lose_all("worker process died (another batch's worker)")
        return out

    def pids(self) -> list[int]:
        """Process ids of the live worker processes."""
        if self.pool is None or not getattr(self.pool, "_processes", None):
            return []
        return [p.pid for p in self.pool._processes.values() if p.is_alive()]

    def close(self) -> None:
        if self.pool is not None:
            if self.futures:  # interrupted: do not wait for batches nobody will write
                self._kill_workers()
            self.pool.shutdown(wait=not self.futures, cancel_futures=True)
            self.pool = None


@functools.cache
def _warm_up_plugin() -> type:
    """A Dask worker plugin class that loads the model and knowledge when a worker starts or restarts.

    Built on first use, so that importing this module (as every pool worker does) does not import Dask.
    """
    from distributed import WorkerPlugin

    class WarmUpPlugin(WorkerPlugin):
        name = "warwire-warm-up"

        def __init__(self, extract_fn: ExtractFn | None = None) -> None:
            self.extract_fn = extract_fn

        def setup(self, worker) -> None:
            warm_up(self.extract_fn or default_extract_fn())

    WarmUpPlugin.__module__ = __name__
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
        self.client.register_plugin(_warm_up_plugin()(extract_fn))
        self.dashboard_link = self.client.dashboard_link
        self.as_completed = as_completed([], with_results=False)
        self.keys: dict[str, int] = {}
        self.futures: dict[str, object] = {}

    @property
    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def submit(self, key: int, batch: list[Article]) -> None:
        future = self.client.submit(extract_guarded, batch, self.timeout, self.extract_fn, pure=False)
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
    """The engine named ``local`` or ``dask``; ``local`` with one worker runs in this process."""
    if engine == "dask":
        return DaskEngine(workers, timeout, scheduler, extract_fn)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}; choose local or dask")
    if workers <= 1:
        return InProcessEngine(timeout, extract_fn)
    return PoolEngine(workers, timeout, extract_fn)
