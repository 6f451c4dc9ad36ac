"""`python -m bot.texts extract`: bot.texts.extraction."""

from __future__ import annotations

import sys

from bot.texts.extraction import extract


def main(arguments: list[str]) -> int:
    if arguments != ["extract"]:
        print("usage: python -m bot.texts extract", file=sys.stderr)
        return 2
    changed = extract()
    for path in changed:
        print(f"updated {path}")
    print(f"{len(changed)} file(s) updated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
