from bot.texts.en import cards, common

TEXTS: dict[str, str] = {**common.TEXTS, **cards.TEXTS}
