"""The error a user can understand and act on, kept apart from bugs (docs/architecture.md,
"Errors")."""


class UserError(Exception):
    """A problem with the user's input, file or data; its message is Chinese and shown as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ServerNotInitialised(UserError):
    """The office server's database is empty: the caller asks before creating the tables."""


class StaleRecord(UserError):
    """A record changed by someone else since it was opened: the window offers to reload it."""


class Cancelled(Exception):
    """Raised inside long work when the user pressed cancel; not an error to report."""
