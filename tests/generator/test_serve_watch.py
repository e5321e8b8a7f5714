"""`mkdocs serve` looks for changes every 0.1 s, watching what it watched before."""

from __future__ import annotations

import time

from mkdocs.livereload import LiveReloadServer

from generator.serve_watch import BUILD_DELAY, POLL_INTERVAL, poll_faster


def _server(tmp_path) -> LiveReloadServer:
    return LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0,
                            root=str(tmp_path))


def _watches(server) -> set[tuple[str, bool]]:
    return {(e.watch.raw_path, e.watch.is_recursive) for e in server.observer.emitters}


def test_the_watched_paths_move_to_an_observer_that_polls_faster(tmp_path):
    docs, data, config = tmp_path / "docs", tmp_path / "data", tmp_path / "mkdocs.yml"
    docs.mkdir(), data.mkdir(), config.write_text("site_name: x\n")
    server = _server(tmp_path)
    server.watch(str(docs))
    server.watch(str(docs))  # watched twice: one unwatch leaves it watched
    server.watch(str(config))  # a file: watchdog watches its folder for it
    before = _watches(server)
    assert (server.observer.timeout, server.build_delay) == (0.5, 0.1)  # MkDocs' defaults
    assert poll_faster(server)
    assert (server.observer.timeout, server.build_delay) == (POLL_INTERVAL, BUILD_DELAY)
    assert BUILD_DELAY < POLL_INTERVAL  # one poll's batch of changes, one rebuild
    assert _watches(server) == before
    server.unwatch(str(docs))
    assert _watches(server) == before
    server.unwatch(str(docs))
    assert _watches(server) == {(str(config), False)}
    server.watch(str(data))  # what plugins and `watch:` add afterwards goes to the new one
    assert (str(data), True) in _watches(server)


def test_the_faster_observer_sees_an_edit(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "model.yml").write_text("value: 1\n")
    server = _server(tmp_path)
    server.watch(str(data))
    poll_faster(server)
    seen: list[float] = []
    from watchdog.events import FileSystemEventHandler

    handler = FileSystemEventHandler()
    handler.on_modified = lambda event: seen.append(time.monotonic())
    server.observer.schedule(handler, str(data), recursive=True)
    server.observer.start()
    try:
        time.sleep(0.3)  # its first look at the files
        (data / "model.yml").write_text("value: 2\n")
        deadline = time.monotonic() + 5
        while not seen and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        server.observer.stop()
        server.observer.join()
    assert seen, "the edit was never seen"


def test_a_started_observer_is_left_alone(tmp_path):
    server = _server(tmp_path)
    server.watch(str(tmp_path))
    server.observer.start()
    try:
        assert not poll_faster(server)
        assert (server.observer.timeout, server.build_delay) == (0.5, 0.1)
    finally:
        server.observer.stop()
        server.observer.join()
