"""The program's set-up: settings, the data folder (workspace) and its location, the first
start, the demo data and the installation self-test."""
