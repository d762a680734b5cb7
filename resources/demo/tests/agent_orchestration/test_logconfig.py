import io
import logging
from typing import Iterator

import pytest

from agent_orchestration import configure_logging
from agent_orchestration.logconfig import LOGGER_NAME


@pytest.fixture(autouse=True)
def restore_package_logger() -> Iterator[None]:
    """configure_logging changes a process-wide logger; undo it for other tests."""
    logger = logging.getLogger(LOGGER_NAME)
    saved = (list(logger.handlers), logger.level, logger.propagate)
    yield
    logger.handlers[:] = saved[0]
    logger.setLevel(saved[1])
    logger.propagate = saved[2]


def test_configure_logging_formats_and_is_idempotent() -> None:
    stream = io.StringIO()
    configure_logging("debug", stream)
    logger = configure_logging(logging.INFO, stream)
    logger.getChild("scheduler").info("hello")
    lines = stream.getvalue().splitlines()
    assert len(lines) == 1
    assert "INFO" in lines[0] and "agent_orchestration.scheduler: hello" in lines[0]
    assert logger.level == logging.INFO


def test_configure_logging_rejects_unknown_level() -> None:
    with pytest.raises(ValueError, match="unknown log level"):
        configure_logging("chatty")
