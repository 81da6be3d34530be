"""What every page is given: the workspace, the background runner, and error display."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtWidgets import QWidget

from wenming_desktop.services.progress import Progress
from wenming_desktop.ui.errors import show_error
from wenming_desktop.ui.operations import Op
from wenming_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:  # the window's shell is painted before SQLAlchemy is imported
    from wenming_desktop.services.settings.workspace import Workspace

T = TypeVar("T")


@dataclass
class PageContext:
    workspace: Workspace
    runner: TaskRunner  # database work, one at a time

    def show_error(self, parent: QWidget | None, exc: BaseException) -> None:
        show_error(parent, exc, self.workspace.folder.log_file)

    def op(self, parent: QWidget | None, work: Callable[[Progress], T]) -> Op[T]:
        """Long work from a page (ui/operations.py): chain .with_progress/.success…, then run."""
        return Op(parent, self.runner, work, self.workspace.folder.log_file)

    def load(self, parent: QWidget, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """Run a read off the GUI thread and hand its result to `done` on the GUI thread."""
        self.op(parent, lambda _progress: work()).success(done).run()
