"""A quicker look for changes under `mkdocs serve`: the same polling, every 0.1 s, not 0.5 s.

MkDocs' live-reload server polls the watched files with watchdog's `PollingObserver` every
0.5 s, so a saved edit waits 0.25 s on average before its rebuild even starts. Polling, not
inotify, is what works on every file system (network shares, container bind mounts, where
inotify stays silent); a poll of what this site watches (docs/, data/, the configs) takes about
0.7 ms of CPU, so polling every 0.1 s costs under 1% of one core while idle and cuts the wait
to 0.05 s on average.

After the first change it sees, the server waits for the changes to stop (`build_delay`, 0.1 s
in MkDocs) before it builds. With polling, the changes of one save arrive together, as one
poll's batch, a few milliseconds apart at most; a save that straddles two polls comes in two
batches 0.1 s apart, which a delay shorter than the interval cannot join either (nor could
MkDocs' 0.1 s against its 0.5 s polling). So 0.05 s: enough for a batch, 0.05 s less to wait.

The server takes its polling interval only in its constructor, which `mkdocs serve` calls with
the default. It keeps the observer in its public `observer` attribute, though, and watches and
unwatches paths through public methods: the paths watched so far move to a new observer, with
the same number of watches each, before the server starts it.
"""

from __future__ import annotations

from watchdog.observers.polling import PollingObserver

POLL_INTERVAL = 0.1  # seconds between two looks at the watched files
BUILD_DELAY = 0.05  # seconds without a further change before the rebuild starts


def poll_faster(server, interval: float = POLL_INTERVAL) -> bool:
    """Give ``server`` (MkDocs' LiveReloadServer, not yet serving) an observer that polls every
    ``interval`` seconds, watching what its old one watched, and the shorter BUILD_DELAY. False,
    changing nothing, if the server is not one this knows how to change (its observer started,
    or not a polling one)."""
    old = getattr(server, "observer", None)
    if not isinstance(old, PollingObserver) or old.is_alive() or not hasattr(server, "unwatch"):
        return False
    server.build_delay = min(getattr(server, "build_delay", BUILD_DELAY), BUILD_DELAY)
    if old.timeout <= interval:
        return True
    counts: dict[tuple[str, bool], int] = {}
    for path, recursive in sorted({_watched(emitter.watch) for emitter in old.emitters}):
        # server.watch() counts repeated watches of a path; unwatch until its emitter is gone.
        while any(_watched(emitter.watch)[0] == path for emitter in old.emitters):
            server.unwatch(path)
            counts[path, recursive] = counts.get((path, recursive), 0) + 1
    server.observer = PollingObserver(timeout=interval)
    for (path, recursive), count in counts.items():
        for _ in range(count):
            server.watch(path, recursive=recursive)
    return True


def _watched(watch) -> tuple[str, bool]:
    """The path given to server.watch() (a file's watch is on its folder) and its recursion."""
    return getattr(watch, "raw_path", watch.path), watch.is_recursive
