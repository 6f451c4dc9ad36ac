from bot.texts.en import common

TEXTS: dict[str, str] = {**common.TEXTS}
