"""The public commands in the order the menu and /help show them; each is described by the
text `command.<name>`. The functions behind them are wired in bot/services/router.py."""

MENU: tuple[str, ...] = (
    "start",
    "help",
    "next",
    "upcoming",
    "past",
    "event",
    "about",
    "search",
    "subscribe",
    "unsubscribe",
    "subscriptions",
    "remind",
    "timezone",
    "language",
)
