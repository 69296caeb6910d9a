"""Write fixed text back to a file without ever losing it.

``write_fixed`` is the only place ``--fix`` touches a file:

* never through a symbolic link, and only to a regular file;
* the file must still hold exactly the text that was linted (an edit made while the run
  was linting is kept and the fix refused);
* the byte-order mark and encoding the file had are kept (UTF-8, UTF-8 with BOM,
  UTF-16 LE/BE with BOM); line ends are part of the text and so kept too;
* the new bytes go to a temporary file in the same folder, are flushed and fsynced,
  and replace the file with one atomic rename: a full disk, a crash or Ctrl-C leaves
  either the old file or the new one, never a mix or an empty file;
* the file's permission bits (and owner, where allowed) are kept.

Any failure raises :class:`WriteError` naming the file; the temporary file is removed.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from followup_lint.errors import FollowupLintError

#: (byte-order mark, codec used for the text after it)
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


class WriteError(FollowupLintError):
    """A fix could not be written; the message names the file and the reason."""


def split_encoding(data: bytes) -> tuple[bytes, str]:
    """(byte-order mark, codec) of a file's bytes: how its text is to be written back."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return bom, codec
    return b"", "utf-8"


def _read_unfollowed(path: Path) -> tuple[bytes, os.stat_result]:
    """The file's bytes and status, refusing links and anything but a regular file."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        if path.is_symlink():
            raise WriteError(f"{path}: is a symbolic link; fixes are never written through one")
        fd = os.open(path, flags)
    except WriteError:
        raise
    except OSError as exc:
        raise WriteError(f"{path}: cannot write fixes: {exc.strerror or exc}") from None
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise WriteError(f"{path}: not a regular file; fixes are not written")
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks), status
    finally:
        os.close(fd)


def _decoded(data: bytes) -> str | None:
    bom, codec = split_encoding(data)
    try:
        return data[len(bom):].decode(codec)
    except UnicodeDecodeError:
        return None


def write_fixed(path: str | Path, original: str, fixed: str) -> None:
    """Replace the file's text ``original`` by ``fixed``, atomically and in its encoding.

    Raises WriteError (naming the file) when the path is a link or not a regular file,
    when the file no longer holds ``original``, or when writing fails.
    """
    path = Path(path)
    before, status = _read_unfollowed(path)
    if _decoded(before) != original:
        raise WriteError(f"{path}: changed since it was read; fixes not written "
                         "(run again to fix the new text)")
    bom, codec = split_encoding(before)
    try:
        data = bom + fixed.encode(codec)
    except UnicodeEncodeError as exc:
        raise WriteError(f"{path}: the fixed text cannot be encoded as {codec}: "
                         f"{exc.reason}") from None
    with _interrupts_deferred():
        _replace(path, data, before, status)


@contextlib.contextmanager
def _interrupts_deferred() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM until the block ends (main thread, POSIX): a signal that
    arrives between creating the temporary file and renaming or removing it would leave
    the temporary behind. The signal is delivered as soon as the block ends.

    Blocking the signals is not enough on its own: one that reached the process just
    before the block is already pending inside Python and would raise KeyboardInterrupt
    at any point of the block (inside ``mkstemp``, before its name is known). So for the
    block the Python handlers only note the signal, which is raised again after it."""
    if not hasattr(signal, "pthread_sigmask") or \
            threading.current_thread() is not threading.main_thread():
        yield
        return
    held = (signal.SIGINT, signal.SIGTERM)
    noted: list[int] = []
    handlers = {number: signal.signal(number, lambda number, _frame: noted.append(number))
                for number in held}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, set(held))
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
        for number, handler in handlers.items():
            signal.signal(number, handler)
        if noted:
            signal.raise_signal(noted[0])


def _replace(path: Path, data: bytes, before: bytes, status: os.stat_result) -> None:
    """Write ``data`` to a temporary beside ``path`` and rename it over ``path``, unless
    the file changed since it read as ``before``."""
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                             suffix=".followup-lint.tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, stat.S_IMODE(status.st_mode))
        if hasattr(os, "chown"):  # POSIX; keeping the owner may need privileges
            with contextlib.suppress(OSError):
                os.chown(temporary, status.st_uid, status.st_gid)
        # Checked again just before the rename: an edit made meanwhile is never lost.
        now, now_status = _read_unfollowed(path)
        if now != before or (now_status.st_ino, now_status.st_dev) != (
                status.st_ino, status.st_dev):
            raise WriteError(f"{path}: changed since it was read; fixes not written "
                             "(run again to fix the new text)")
        os.replace(temporary, path)
        temporary = None
        _fsync_directory(path.parent)
    except OSError as exc:
        raise WriteError(f"{path}: cannot write fixes: {exc.strerror or exc}; "
                         "the file is unchanged") from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (where the platform allows opening a folder)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
