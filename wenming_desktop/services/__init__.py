"""Use cases shared by the window and the command line; one module per subject."""
