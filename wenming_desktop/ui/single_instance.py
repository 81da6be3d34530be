"""One program per data folder: a second start brings the running window to the front.

The first program holds a QLockFile in the data folder (a lock left by a killed process is
recognised by its dead process id and taken over without the clerk doing anything) and listens
on a QLocalServer whose name is derived from the data folder's path. A second start fails to
take the lock, connects to that server, asks it to show its window, and exits.

The window takes the lock before it is shown and starts the server (`listen`) right after its
first paint (QtNetwork is not loaded before then); a second start in between is told
that the folder is in use instead of raising the window.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCryptographicHash, QLockFile, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

LOCK_NAME = "wenming.lock"
ACTIVATE = b"activate\n"
CONNECT_MS = 2000


def server_name(root: Path) -> str:
    """A local server name unique to the data folder (case-insensitively on Windows)."""
    text = os.path.normcase(os.path.abspath(root))
    # SHA-256 through Qt: `hashlib` would load OpenSSL before the window's first paint
    digest = QCryptographicHash.hash(text.encode("utf-8"), QCryptographicHash.Algorithm.Sha256)
    return "wenming-" + bytes(digest.toHex().data()).decode("ascii")[:24]


class SingleInstance(QObject):
    """`claim()` is True for the first program; it then emits `activation_requested`."""

    activation_requested = Signal()

    def __init__(self, root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = Path(root)
        self.name = server_name(self.root)
        self._lock = QLockFile(str(self.root / LOCK_NAME))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self._server: QLocalServer | None = None
        self._sockets: list[QLocalSocket] = []

    def claim(self, listen: bool = True) -> bool:
        """Take the data folder for this program; False when another program holds it.

        With `listen=False` the server answering second starts is left to `listen()`.
        """
        if not self._lock.tryLock(100):
            if self._lock.error() == QLockFile.LockError.LockFailedError:
                return False
            log.warning("lock file not usable (%s); going on without it", self._lock.error())
        if listen:
            self.listen()
        return True

    def listen(self) -> None:
        """Answer second starts on this folder by emitting `activation_requested`."""
        from PySide6.QtNetwork import QLocalServer

        if self._server is not None:
            return
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self.name)  # a socket file left by a killed process
        if not server.listen(self.name):
            log.warning("local server %s not started: %s", self.name, server.errorString())
        server.newConnection.connect(self._on_connection)
        self._server = server

    def _on_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._sockets.append(socket)
            socket.readyRead.connect(self._read_all)
            socket.disconnected.connect(self._read_all)
        self._read_all()

    def _read_all(self) -> None:
        """Read what the connected second starts sent; forget the ones that hung up."""
        from PySide6.QtNetwork import QLocalSocket

        for socket in list(self._sockets):
            if bytes(socket.readAll().data()).startswith(ACTIVATE.strip()):
                log.info("a second start asked this window to come to the front")
                self.activation_requested.emit()
            if socket.state() == QLocalSocket.LocalSocketState.UnconnectedState:
                self._sockets.remove(socket)
                socket.deleteLater()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()


def ask_running_program_to_show(root: Path) -> bool:
    """Ask the program holding `root` to bring its window to the front; True if it answered."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(server_name(root))
    if not socket.waitForConnected(CONNECT_MS):
        return False
    socket.write(ACTIVATE)
    socket.flush()
    socket.waitForBytesWritten(CONNECT_MS)
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(CONNECT_MS)
    return True
