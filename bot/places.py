"""Where meetings happen: countries and cities with their names, spellings and time zones.

Central Asian capitals and large cities are listed with the spellings people actually type
(transliterations drift: Ashgabat, Ashkhabad, Ashgabad). Any other city is looked up in the
IANA zone database by the last part of a zone name ("Berlin" -> Europe/Berlin).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from rapidfuzz import fuzz, process

# In IANA's list, but no place: `Factory` is a placeholder for machines not yet set up.
NOT_PLACES = frozenset({"Factory"})


@dataclass(frozen=True)
class Country:
    code: str
    name_en: str
    name_ru: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class City:
    name_en: str
    name_ru: str
    country: str
    zone: str
    aliases: tuple[str, ...] = ()


COUNTRIES: tuple[Country, ...] = (
    Country("KZ", "Kazakhstan", "Казахстан", ("Kazakstan", "Qazaqstan", "Kazakh", "Казахский")),
    Country(
        "KG",
        "Kyrgyzstan",
        "Кыргызстан",
        ("Kyrgyz Republic", "Kirghizia", "Kirgizia", "Kyrgyz", "Киргизия", "Кыргызский"),
    ),
    Country("TJ", "Tajikistan", "Таджикистан", ("Tadjikistan", "Tajik", "Таджикский")),
    Country("TM", "Turkmenistan", "Туркменистан", ("Turkmenia", "Turkmen", "Туркмения")),
    Country("UZ", "Uzbekistan", "Узбекистан", ("Uzbek", "Узбекский")),
    Country("AF", "Afghanistan", "Афганистан", ("Afghan", "Афганский")),
    Country("RU", "Russia", "Россия", ("Russian Federation", "Российская Федерация")),
    Country("CN", "China", "Китай", ("PRC", "КНР")),
    Country("US", "United States", "США", ("USA", "United States of America")),
    Country("CH", "Switzerland", "Швейцария"),
    Country("AT", "Austria", "Австрия"),
    Country("BE", "Belgium", "Бельгия"),
    Country("TR", "Turkey", "Турция", ("Türkiye", "Turkiye")),
    Country("DE", "Germany", "Германия"),
    Country("FR", "France", "Франция"),
    Country("GB", "United Kingdom", "Великобритания", ("UK", "Britain")),
    Country("IR", "Iran", "Иран"),
    Country("PK", "Pakistan", "Пакистан"),
    Country("IN", "India", "Индия"),
    Country("AZ", "Azerbaijan", "Азербайджан"),
    Country("MN", "Mongolia", "Монголия"),
)

CITIES: tuple[City, ...] = (
    # Kazakhstan
    City("Astana", "Астана", "KZ", "Asia/Almaty", ("Nur-Sultan", "Akmola", "Нур-Султан")),
    City("Almaty", "Алматы", "KZ", "Asia/Almaty", ("Alma-Ata", "Almaty City", "Алма-Ата")),
    City("Shymkent", "Шымкент", "KZ", "Asia/Almaty", ("Chimkent", "Чимкент")),
    City("Karaganda", "Караганда", "KZ", "Asia/Almaty", ("Qaraghandy", "Karagandy")),
    City("Aktobe", "Актобе", "KZ", "Asia/Aqtobe", ("Aqtobe", "Aktyubinsk")),
    City("Atyrau", "Атырау", "KZ", "Asia/Atyrau"),
    City("Aktau", "Актау", "KZ", "Asia/Aqtau", ("Aqtau",)),
    City("Oral", "Уральск", "KZ", "Asia/Oral", ("Uralsk",)),
    City("Kyzylorda", "Кызылорда", "KZ", "Asia/Qyzylorda", ("Qyzylorda",)),
    City("Kostanay", "Костанай", "KZ", "Asia/Qostanay", ("Qostanay",)),
    City("Pavlodar", "Павлодар", "KZ", "Asia/Almaty"),
    City("Semey", "Семей", "KZ", "Asia/Almaty", ("Semipalatinsk", "Семипалатинск")),
    City("Taraz", "Тараз", "KZ", "Asia/Almaty"),
    City("Turkistan", "Туркестан", "KZ", "Asia/Almaty", ("Turkestan",)),
    City("Oskemen", "Усть-Каменогорск", "KZ", "Asia/Almaty", ("Ust-Kamenogorsk",)),
    # Kyrgyzstan
    City("Bishkek", "Бишкек", "KG", "Asia/Bishkek", ("Frunze",)),
    City("Osh", "Ош", "KG", "Asia/Bishkek"),
    City("Jalal-Abad", "Джалал-Абад", "KG", "Asia/Bishkek", ("Jalalabad", "Jalal Abad")),
    City("Karakol", "Каракол", "KG", "Asia/Bishkek"),
    City("Cholpon-Ata", "Чолпон-Ата", "KG", "Asia/Bishkek", ("Cholpon Ata",)),
    # Tajikistan
    City("Dushanbe", "Душанбе", "TJ", "Asia/Dushanbe", ("Dushambe", "Dushanbeh", "Stalinabad")),
    City("Khujand", "Худжанд", "TJ", "Asia/Dushanbe", ("Khodjent", "Khojand", "Ходжент")),
    City("Bokhtar", "Бохтар", "TJ", "Asia/Dushanbe", ("Bohktar", "Kurgan-Tyube")),
    City("Kulob", "Куляб", "TJ", "Asia/Dushanbe", ("Kulyab",)),
    City("Khorog", "Хорог", "TJ", "Asia/Dushanbe"),
    City("Istaravshan", "Истаравшан", "TJ", "Asia/Dushanbe"),
    # Turkmenistan
    City(
        "Ashgabat",
        "Ашхабад",
        "TM",
        "Asia/Ashgabat",
        ("Ashkhabad", "Ashgabad", "Ashkabad", "Ashabad", "Ashgabat City", "Ашгабат"),
    ),
    City("Turkmenabat", "Туркменабат", "TM", "Asia/Ashgabat", ("Chardzhou",)),
    City("Dashoguz", "Дашогуз", "TM", "Asia/Ashgabat"),
    City("Mary", "Мары", "TM", "Asia/Ashgabat"),
    City("Turkmenbashi", "Туркменбаши", "TM", "Asia/Ashgabat"),
    City("Balkanabat", "Балканабат", "TM", "Asia/Ashgabat"),
    City("Avaza", "Аваза", "TM", "Asia/Ashgabat", ("Awaza",)),
    # Uzbekistan
    City("Tashkent", "Ташкент", "UZ", "Asia/Tashkent", ("Toshkent",)),
    City("Samarkand", "Самарканд", "UZ", "Asia/Samarkand", ("Samarqand",)),
    City("Bukhara", "Бухара", "UZ", "Asia/Samarkand", ("Buxoro", "Bukhoro")),
    City("Namangan", "Наманган", "UZ", "Asia/Tashkent"),
    City("Andijan", "Андижан", "UZ", "Asia/Tashkent", ("Andijon",)),
    City("Fergana", "Фергана", "UZ", "Asia/Tashkent", ("Ferghana", "Farg'ona")),
    City("Nukus", "Нукус", "UZ", "Asia/Samarkand"),
    City("Termez", "Термез", "UZ", "Asia/Samarkand", ("Termiz",)),
    City("Khiva", "Хива", "UZ", "Asia/Samarkand", ("Xiva",)),
    City("Urgench", "Ургенч", "UZ", "Asia/Samarkand", ("Urganch",)),
    City("Karshi", "Карши", "UZ", "Asia/Samarkand", ("Qarshi",)),
    # Afghanistan and places where regional meetings are often held
    City("Kabul", "Кабул", "AF", "Asia/Kabul"),
    City("Mazar-i-Sharif", "Мазари-Шариф", "AF", "Asia/Kabul", ("Mazar-e-Sharif", "Mazar")),
    City("Moscow", "Москва", "RU", "Europe/Moscow"),
    City("Beijing", "Пекин", "CN", "Asia/Shanghai", ("Peking",)),
    City("New York", "Нью-Йорк", "US", "America/New_York", ("NYC", "New York City")),
    City("Geneva", "Женева", "CH", "Europe/Zurich", ("Genève", "Geneve")),
    City("Vienna", "Вена", "AT", "Europe/Vienna", ("Wien",)),
    City("Brussels", "Брюссель", "BE", "Europe/Brussels"),
    City("Istanbul", "Стамбул", "TR", "Europe/Istanbul"),
    City("Ankara", "Анкара", "TR", "Europe/Istanbul"),
    City("Baku", "Баку", "AZ", "Asia/Baku"),
    City("Tehran", "Тегеран", "IR", "Asia/Tehran"),
    City("Islamabad", "Исламабад", "PK", "Asia/Karachi"),
    City("New Delhi", "Нью-Дели", "IN", "Asia/Kolkata", ("Delhi",)),
    City("Ulaanbaatar", "Улан-Батор", "MN", "Asia/Ulaanbaatar", ("Ulan Bator",)),
)


def fold(name: str) -> str:
    """A spelling-insensitive key: case, hyphens and spaces do not matter."""
    return "".join(ch for ch in name.casefold().replace("ё", "е") if ch.isalnum())


@cache
def _cities_by_key() -> dict[str, City]:
    index: dict[str, City] = {}
    for city in CITIES:
        for name in (city.name_en, city.name_ru, *city.aliases):
            index[fold(name)] = city
    return index


@cache
def _countries_by_key() -> dict[str, Country]:
    index: dict[str, Country] = {}
    for country in COUNTRIES:
        for name in (country.code, country.name_en, country.name_ru, *country.aliases):
            index[fold(name)] = country
    return index


def find_city(name: str) -> City | None:
    """A known city by any of its names or spellings, English or Russian (nominative)."""
    return _cities_by_key().get(fold(name))


def closest_cities(name: str, limit: int = 3) -> list[City]:
    """Known cities spelt nearly like `name`, closest first: typos caught, nothing guessed."""
    found = process.extract(fold(name), list(_cities_by_key()), scorer=fuzz.ratio, score_cutoff=70)
    cities = [_cities_by_key()[key] for key, _score, _index in found]
    return list(dict.fromkeys(cities))[:limit]


def find_country(name: str) -> Country | None:
    return _countries_by_key().get(fold(name))


def country_by_code(code: str) -> Country | None:
    return next((c for c in COUNTRIES if c.code == code.upper()), None)


@cache
def _zones_by_city_key() -> dict[str, str]:
    zones: dict[str, str] = {}
    for zone in sorted(real_zones()):
        if "/" in zone and not zone.startswith(("Etc/", "SystemV/", "US/")):
            zones.setdefault(fold(zone.rsplit("/", 1)[1].replace("_", " ")), zone)
    return zones


def zone_for_city(name: str) -> str | None:
    """The IANA zone of a city: from the list above, else from the zone database's city names."""
    city = find_city(name)
    if city is not None:
        return city.zone
    return _zones_by_city_key().get(fold(name))


def is_valid_zone(name: str) -> bool:
    """A real IANA zone key: not `localtime` (a host's file, absent on some) nor `Factory`."""
    return name in real_zones()


@cache
def real_zones() -> frozenset[str]:
    # The tzdata package lists exactly IANA's keys; the host's zone folder adds its own files.
    listed = resources.files("tzdata").joinpath("zones").read_text(encoding="utf-8").split()
    return frozenset(listed) - NOT_PLACES
