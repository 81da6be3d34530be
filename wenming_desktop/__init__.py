"""文明实践工作台: records, ledgers and filing packets for a hospital's civilization office."""

__version__ = "0.1.0"
APP_NAME = "文明实践工作台"
