"""Logging setup for processes that embed the orchestrator."""

from __future__ import annotations

import logging
from typing import IO

LOGGER_NAME = "agent_orchestration"
LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"

_HANDLER_MARK = "_agent_orchestration_handler"


def configure_logging(level: int | str = logging.INFO,
                      stream: IO[str] | None = None) -> logging.Logger:
    """Attach one formatted handler to the package logger.

    Calling it again only changes the level and stream, so a service that
    reconfigures on SIGHUP does not print every line twice.
    """
    if isinstance(level, str):
        resolved = logging.getLevelName(level.upper())
        if not isinstance(resolved, int):
            raise ValueError(f"unknown log level {level!r}")
        level = resolved
    logger = logging.getLogger(LOGGER_NAME)
    logger.setLevel(level)
    for handler in list(logger.handlers):
        if getattr(handler, _HANDLER_MARK, False):
            logger.removeHandler(handler)
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    setattr(handler, _HANDLER_MARK, True)
    logger.addHandler(handler)
    # The embedding application owns the root logger; do not print twice.
    logger.propagate = False
    return logger
