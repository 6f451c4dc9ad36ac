from bot.texts.ru import cards, common

TEXTS: dict[str, str] = {**common.TEXTS, **cards.TEXTS}
