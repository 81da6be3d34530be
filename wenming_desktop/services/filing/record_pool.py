"""The packet's activity records (活动记录表 PDFs), written on every core and kept in a cache.

What belongs here: turning an activity into a picklable `RecordJob`, the cache of finished
records, and the pool of worker processes that writes the rest.

- Cache: a record's PDF is kept in the data folder (`cache/records/<key>.pdf`), the key a
  SHA-256 of everything the PDF is made from (the activity's details and checks, the hospital,
  the photos, which are stored under their content hash, the PDF font, the program's PDF code).
  The next packet copies an unchanged record instead of writing it again. Files unused for
  `CACHE_DAYS` days are removed when a packet starts; deleting the folder is always safe.
- Pool: records not in the cache are written by worker processes (one per core, at most
  `MAX_WORKERS`), started by spawn on every system (no fork of the window's threads; on
  Windows spawn is the only way, and the bundle's launcher calls `freeze_support`). Few records
  are written in this process: starting workers costs about a second.
- Cancel: `drain` checks between completions (every 0.2 s at most); a cancel drops the records
  not started and waits for the ones being written (under 0.1 s each).
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from dataclasses import dataclass
from functools import cache
from multiprocessing import get_context
from pathlib import Path
from types import TracebackType

from wenming_desktop.domain.activity_record import ActivityDetail
from wenming_desktop.domain.errors import Cancelled
from wenming_desktop.domain.guidelines import GuidelineCheck
from wenming_desktop.runtime import start_pdf_worker

MAX_WORKERS = 4
POOL_MIN_JOBS = 12  # fewer records than this are written here, without starting workers
CACHE_FOLDER = Path("cache") / "records"
CACHE_DAYS = 60
log = logging.getLogger(__name__)
_WAIT = 0.2  # seconds between cancel checks while waiting for the workers


@dataclass(frozen=True)
class RecordJob:
    """Everything one activity record is written from; picklable (plain data only)."""

    path: Path
    hospital: str
    detail: ActivityDetail
    checks: tuple[GuidelineCheck, ...]
    photos: tuple[tuple[Path | None, str], ...]
    font: Path | None  # the chosen PDF font file (None: the bundled one)

    @property
    def title(self) -> str:
        return self.detail.title

    def key(self) -> str:
        """SHA-256 (hex) of the inputs and the PDF code: equal keys give the same PDF."""
        text = repr((_code_stamp(), self.hospital, self.detail, self.checks, self.photos,
                     str(self.font)))  # fmt: skip
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


@cache
def _code_stamp() -> str:
    """The program version and a hash of the PDF writers' source (when it can be read), so a
    changed writer never reuses an old record."""
    from wenming_desktop import __version__
    from wenming_desktop.exports import pdf

    digest = hashlib.sha256(__version__.encode())
    folder = Path(pdf.__file__).parent
    for source in sorted(folder.glob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()


def write_job(job: RecordJob, cached: Path | None = None) -> str:
    """Write one record (in a worker or here); keep a copy at `cached`. Returns its title."""
    from wenming_desktop.exports.pdf.activity_record import write_activity_record

    write_activity_record(job.path, job.hospital, job.detail, list(job.checks), list(job.photos))
    if cached is not None:
        _keep(job.path, cached)
    return job.title


def _keep(path: Path, cached: Path) -> None:
    """Copy into the cache atomically; a cache that cannot be written is only slower."""
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        temporary = cached.with_name(f".{cached.name}.{os.getpid()}.part")
        shutil.copyfile(path, temporary)
        os.replace(temporary, cached)
    except OSError:
        pass


def remove_stale(folder: Path, now: float | None = None) -> None:
    """Remove cached records not used for CACHE_DAYS days (a copy touches its file), and
    partial copies a killed worker left (an hour old)."""
    now = now or time.time()
    for pattern, age in (("*.pdf", CACHE_DAYS * 86400), (".*.part", 3600)):
        for path in folder.glob(pattern):
            try:
                if path.stat().st_mtime < now - age:
                    path.unlink()
            except OSError:
                pass


class RecordWriter:
    """Writes the records submitted to it: from the cache, here, or in worker processes.

    `with RecordWriter(cache_folder, expected, done) as writer: writer.submit(job) …
    writer.drain(check)`. `expected` (the number of records to come) decides whether workers
    are started. `done(title)` is called for every finished record: at once for a cached one,
    from the pool's own thread when a worker finishes one (so progress moves while the
    caller writes something else; `done` must be thread-safe), in `drain` for the rest.
    """

    def __init__(
        self, cache_folder: Path | None, expected: int, done: Callable[[str], None]
    ) -> None:
        self._cache = cache_folder
        self._done = done
        self._use_pool = expected >= POOL_MIN_JOBS and (os.cpu_count() or 1) > 1
        self._pool: ProcessPoolExecutor | None = None
        self._pending: dict[Future[str], RecordJob] = {}
        self._here: list[RecordJob] = []
        self.from_cache = 0
        if cache_folder is not None:
            remove_stale(cache_folder)

    def _cached(self, job: RecordJob) -> Path | None:
        return self._cache / f"{job.key()}.pdf" if self._cache is not None else None

    def submit(self, job: RecordJob) -> None:
        """Start writing `job` (a cached one is copied and reported at once)."""
        cached = self._cached(job)
        if cached is not None and cached.is_file():
            try:
                shutil.copyfile(cached, job.path)
                os.utime(cached)
                self.from_cache += 1
                self._done(job.title)
                return
            except OSError:
                pass
        if not self._use_pool:
            self._here.append(job)
            return
        try:
            if self._pool is None:
                workers = max(1, min(MAX_WORKERS, os.cpu_count() or 1))
                self._pool = ProcessPoolExecutor(
                    workers,
                    mp_context=get_context("spawn"),
                    initializer=start_pdf_worker,
                    initargs=(job.font,),
                )
            future = self._pool.submit(write_job, job, cached)
        except (BrokenProcessPool, RuntimeError, OSError):
            log.exception("worker processes unavailable; writing the records here")
            self._use_pool = False
            self._here.append(job)
            return
        self._pending[future] = job
        future.add_done_callback(self._finished)

    def _finished(self, future: Future[str]) -> None:
        """In the pool's thread: report a record written; failures are drain's to raise."""
        if future.cancelled() or future.exception() is not None:
            return
        with suppress(Cancelled):  # the caller's next check() raises it
            self._done(future.result())

    def drain(self, check: Callable[[], None]) -> None:
        """Wait for every record; `check()` (raises to cancel) between. A worker's UserError (a
        missing glyph …) raises here; a record refused for a character no font prints is left
        out and noted when the packet defers refusals (exports/pdf/refusals.py), so every
        such name is listed at once. A worker that died (killed, out of memory) leaves its
        record to be written here."""
        from wenming_desktop.exports.pdf.refusals import Unprintable, defer

        for job in self._here:
            check()
            self._done(write_job(job, self._cached(job)))
        self._here.clear()
        while self._pending:
            check()
            finished, _ = wait(self._pending, timeout=_WAIT, return_when=FIRST_COMPLETED)
            for future in finished:
                job = self._pending.pop(future)
                try:
                    future.result()
                except Unprintable as exc:
                    if not defer(exc):
                        raise
                except BrokenProcessPool:
                    log.warning("a worker process ended; writing %s here", job.path.name)
                    self._use_pool = False
                    self._done(write_job(job, self._cached(job)))

    def __enter__(self) -> RecordWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def record_job(
    path: Path,
    hospital: str,
    detail: ActivityDetail,
    checks: Sequence[GuidelineCheck],
    photos: Sequence[tuple[Path | None, str]],
    font: Path | None,
) -> RecordJob:
    return RecordJob(
        path=path,
        hospital=hospital,
        detail=detail,
        checks=tuple(checks),
        photos=tuple(photos),
        font=font,
    )
