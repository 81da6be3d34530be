"""`python -m wenming_desktop` does what the `wenming` command does."""

import sys

from wenming_desktop.entry import main

sys.exit(main())
