"""The bundle's entry point: the window without arguments, `wenming.exe self-test` etc. with.

`freeze_support()` first: the packet builds its PDFs in worker processes started by spawn,
which in the bundle re-run this executable; it makes such a run a worker and nothing else.
"""

import multiprocessing
import sys

from wenming_desktop.entry import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
