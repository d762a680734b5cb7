#!/usr/bin/env python3
"""A small stand-in for the seed's `.augment/context/cli.py`: session notes for AI assistants.

    ai_context.py add SESSION NOTE [--importance 0..1]
    ai_context.py list
    ai_context.py show SESSION

Notes are appended as JSON lines to ai-context/<SESSION>.jsonl in the
workspace, so they are versioned with the code they describe.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

CONTEXT_DIR = Path(__file__).resolve().parent.parent / "ai-context"
SESSION_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


def session_file(session: str) -> Path:
    if not SESSION_RE.fullmatch(session) or ".." in session:
        raise ValueError(f"invalid session id {session!r} (letters, digits, '.', '_', '-')")
    return CONTEXT_DIR / f"{session}.jsonl"


def add(session: str, note: str, importance: float) -> int:
    if not note.strip():
        raise ValueError("the note is empty")
    if not 0.0 <= importance <= 1.0:
        raise ValueError(f"importance must be between 0 and 1, got {importance}")
    path = session_file(session)
    path.parent.mkdir(parents=True, exist_ok=True)
    entry = {"time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
             "role": "user", "importance": importance, "content": note}
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry, sort_keys=True) + "\n")
    count = sum(1 for _ in open(path, encoding="utf-8"))
    print(f"added note {count} to session {session} ({path.relative_to(CONTEXT_DIR.parent)})")
    return 0


def show(session: str) -> int:
    path = session_file(session)
    if not path.is_file():
        raise ValueError(f"no session {session!r}")
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as error:
            raise ValueError(f"{path}:{number}: not valid JSON ({error.msg})") from None
        print(f"{entry['time']}  [{entry['importance']:.1f}]  {entry['content']}")
    return 0


def list_sessions() -> int:
    for path in sorted(CONTEXT_DIR.glob("*.jsonl")):
        count = sum(1 for _ in open(path, encoding="utf-8"))
        print(f"{path.stem}\t{count} note(s)")
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Session notes for AI assistants.")
    commands = parser.add_subparsers(dest="command", required=True)
    add_parser = commands.add_parser("add", help="append a note to a session")
    add_parser.add_argument("session")
    add_parser.add_argument("note")
    add_parser.add_argument("--importance", type=float, default=0.5)
    show_parser = commands.add_parser("show", help="print a session's notes")
    show_parser.add_argument("session")
    commands.add_parser("list", help="list sessions")
    args = parser.parse_args(argv)
    try:
        if args.command == "add":
            return add(args.session, args.note, args.importance)
        if args.command == "show":
            return show(args.session)
        return list_sessions()
    except (ValueError, OSError) as error:
        print(f"ai_context.py: error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
