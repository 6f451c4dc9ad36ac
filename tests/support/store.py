"""A store as admins fill it: besides the bundled fifth and sixth meetings, a cancelled briefing
and workshop, an eighth meeting numbered only in its title, and meetings in Osh and Vienna."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from storage.database import Database
from storage.models import Meeting, MeetingStatus
from tests.support.factories import STAMP

# After the sixth meeting and the Vienna seminar, before everything added for 2027.
NOW = datetime(2026, 11, 29, 12, tzinfo=UTC)
BRIEFING, WORKSHOP, EIGHTH, OSH, VIENNA = 3, 4, 5, 6, 7

PLACES = {
    "Samarkand": ("Самарканд", "UZ", "Uzbekistan", "Узбекистан", "Asia/Samarkand"),
    "Dushanbe": ("Душанбе", "TJ", "Tajikistan", "Таджикистан", "Asia/Dushanbe"),
    "Almaty": ("Алматы", "KZ", "Kazakhstan", "Казахстан", "Asia/Almaty"),
    "Osh": ("Ош", "KG", "Kyrgyzstan", "Кыргызстан", "Asia/Bishkek"),
    "Vienna": ("Вена", "AT", "Austria", "Австрия", "Europe/Vienna"),
}


def added(city: str, starts_at: datetime, title_en: str, title_ru: str, **more: Any) -> Meeting:
    city_ru, code, country_en, country_ru, zone = PLACES[city]
    return Meeting(
        uid=f"admin-{starts_at:%Y%m%d}-{city}@unrcca-bot", title_en=title_en, title_ru=title_ru,
        starts_at=starts_at, time_known=True, time_zone=zone, city_en=city, city_ru=city_ru,
        country_code=code, country_en=country_en, country_ru=country_ru,
        created_at=STAMP, updated_at=STAMP, **more,
    )  # fmt: skip


def admin_meetings() -> list[Meeting]:
    return [
        added("Samarkand", datetime(2027, 5, 10, 5, tzinfo=UTC), "Briefing on water security",
              "Брифинг по водной безопасности", status=MeetingStatus.CANCELLED,
              cancel_reason="Venue unavailable"),
        added("Dushanbe", datetime(2027, 2, 15, 4, tzinfo=UTC), "Workshop on early warning",
              "Семинар-практикум по раннему предупреждению", status=MeetingStatus.CANCELLED,
              cancel_reason="Postponed by the host"),
        added("Almaty", datetime(2027, 3, 4, 5, tzinfo=UTC),
              "Eighth annual Meeting of Central Asian Deputy Ministers of Foreign Affairs",
              "Восьмая ежегодная встреча заместителей министров иностранных дел стран "
              "Центральной Азии", series="deputy-fm"),
        added("Osh", datetime(2027, 6, 1, 4, tzinfo=UTC), "Consultations on border cooperation",
              "Консультации по пограничному сотрудничеству"),
        added("Vienna", datetime(2026, 3, 10, 9, tzinfo=UTC), "Seminar on preventive diplomacy",
              "Семинар по превентивной дипломатии",
              summary_en="Participants discussed regional security and water.",
              summary_ru="Участники обсудили вопросы региональной безопасности и воды."),
    ]  # fmt: skip


async def fill(database: Database) -> None:
    async with database.sessions.begin() as session:
        session.add_all(admin_meetings())
