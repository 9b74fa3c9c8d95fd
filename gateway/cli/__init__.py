"""The `magic-gateway` command line: serve, check, scan, mock, audit, replay."""

from gateway.cli.main import main

__all__ = ["main"]
