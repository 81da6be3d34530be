"""The bundle's entry point: the window without arguments, `wenming.exe self-test` etc. with."""

import sys

from wenming_desktop.entry import main

if __name__ == "__main__":
    sys.exit(main())
