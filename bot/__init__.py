"""The Telegram side of the UNRCCA meetings bot."""

import os

# PTB 22 warns on every RetryAfter unless the (future default) timedelta behaviour is chosen;
# choosing it keeps flood-control handling free of deprecation noise.
os.environ.setdefault("PTB_TIMEDELTA", "1")
