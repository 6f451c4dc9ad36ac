from bot.texts.ru import common

TEXTS: dict[str, str] = {**common.TEXTS}
