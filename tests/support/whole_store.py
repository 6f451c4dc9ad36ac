"""A store of 26 meetings as admins fill it: the two bundled ones, eleven (still to come) added
through the meeting form (/addevent, saved from its preview) and thirteen through /import.
Topics, cities, countries in every role, cancelled meetings and future ones; the clock is NOW.
"""

from __future__ import annotations

from datetime import UTC, datetime

from bot.services.admin import access
from bot.services.admin.entry import run_button
from bot.services.inquiry import Inquiry
from bot.services.router import respond
from bot.services.runtime import Runtime
from storage.database import Database
from tests.support.calendar_imports import import_file
from tests.support.runtimes import runtime_at

NOW = datetime(2026, 11, 29, 12, tzinfo=UTC)
ADMIN = 1001

# Each form is what an admin types after /addevent (English or Russian keys).
FORMS = (
    "title: Seminar on transboundary water management\nstarts: 2027-04-12 10:00\ncity: Bishkek\n"
    "summary: Experts discussed transboundary waters and the Amu Darya basin.\n"
    "organizer: UNRCCA\nsupporters: the OSCE and the Ministry of Foreign Affairs of Kyrgyzstan",
    "title: Eighth annual Meeting of Central Asian Deputy Ministers of Foreign Affairs\n"
    "starts: 2027-03-04 10:00\ncity: Almaty\nordinal: 8\norganizer: UNRCCA\n"
    "supporters: the Ministry of Foreign Affairs of Kazakhstan",
    "title: Workshop on early warning\nstarts: 2027-02-15 09:00\ncity: Dushanbe\n"
    "summary: Analysts will train on the early warning of conflicts.",
    "title: Seminar on water diplomacy\nstarts: 2027-10-14 10:00\ncity: Tashkent\n"
    "summary: Transboundary water cooperation in the Syr Darya basin.\n"
    "supporters: the Ministry of Foreign Affairs of Uzbekistan",
    "title: Round table on youth and preventive diplomacy\nstarts: 2027-05-20 10:00\ncity: Osh\n"
    "summary: Young leaders will discuss preventive diplomacy and dialogue.",
    "title: Consultations on border cooperation\nstarts: 2027-06-01 10:00\ncity: Osh",
    "title: Training on mediation\nstarts: 2026-12-15 10:00\ncity: Ashgabat\n"
    "summary: Diplomats will be trained in mediation.\norganizer: UNRCCA\n"
    "supporters: the Ministry of Foreign Affairs of Turkmenistan",
    "title: Forum on women in diplomacy\nstarts: 2027-09-15 10:00\ncity: Tashkent",
    "title: Seminar on cyber security\nstarts: 2027-01-25 10:00\ncity: Astana\n"
    "summary: Cyber threats to critical infrastructure.",
    "title: Expert meeting on energy\nstarts: 2026-12-08 10:00\ncity: Ashgabat\n"
    "summary: Energy trade between the Central Asian states.",
    "название: Семинар по борьбе с наркотрафиком\nначало: 2027-07-18 10:00\nгород: Душанбе\n"
    "описание: Участники обсудят противодействие незаконному обороту наркотиков.",
)


def _event(uid: str, title: str, start: str, zone: str, city: str, *more: str) -> str:
    lines = [f"UID:{uid}@import", f"SUMMARY:{title}", f"DTSTART;TZID={zone}:{start}",
             f"LOCATION:{city}", *more]  # fmt: skip
    return "\n".join(["BEGIN:VEVENT", *lines, "END:VEVENT"])


IMPORTED = (
    _event("briefing", "Briefing on water security", "20270510T100000", "Asia/Samarkand",
           "Samarkand", "STATUS:CANCELLED"),
    _event("border", "Meeting of heads of border services", "20230912T100000", "Asia/Bishkek",
           "Bishkek", "DESCRIPTION:Border security and drug trafficking were discussed."),
    _event("climate", "Workshop on climate and security", "20241105T100000", "Asia/Almaty",
           "Almaty", "DESCRIPTION:Experts discussed climate risks and water scarcity."),
    _event("afghanistan", "Conference on Afghanistan", "20220726T100000", "Asia/Tashkent",
           "Tashkent", "DESCRIPTION:Delegations discussed humanitarian aid to Afghanistan."),
    _event("extremism", "Seminar on countering violent extremism", "20230314T100000",
           "Asia/Dushanbe", "Dushanbe", "STATUS:CANCELLED"),
    _event("glaciers", "Regional meeting on glacier monitoring", "20270921T100000",
           "Asia/Dushanbe", "Dushanbe", "DESCRIPTION:Monitoring of glaciers in the Pamirs."),
    _event("civil", "Meeting with civil society", "20210402T100000", "Asia/Almaty", "Almaty"),
    _event("aral", "Dialogue on the Aral Sea", "20250219T100000", "Asia/Tashkent", "Tashkent",
           "DESCRIPTION:The shrinking of the Aral Sea and its consequences."),
    _event("osce", "Consultations with the OSCE", "20240206T100000", "Europe/Vienna", "Vienna",
           "DESCRIPTION:Cooperation between UNRCCA and the OSCE."),
    _event("media", "Round table on media and diplomacy", "20261103T100000", "Asia/Bishkek",
           "Bishkek", "DESCRIPTION:Journalists and diplomats discussed media freedom."),
    _event("seventh", "Seventh annual Meeting of Central Asian Deputy Ministers of Foreign "
           "Affairs", "20161202T100000", "Asia/Tashkent", "Tashkent",
           "DESCRIPTION:Participants discussed counter-terrorism cooperation."),
    _event("connectivity", "Conference on regional connectivity", "20250615T100000",
           "Asia/Almaty", "Astana", "DESCRIPTION:Delegates discussed transport corridors."),
    _event("vienna", "Seminar on preventive diplomacy", "20260310T100000", "Europe/Vienna",
           "Vienna", "DESCRIPTION:Participants discussed regional security and water."),
)  # fmt: skip


def calendar() -> bytes:
    body = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//UNRCCA//tests//EN", *IMPORTED,
            "END:VCALENDAR"]  # fmt: skip
    return ("\r\n".join("\n".join(body).split("\n")) + "\r\n").encode()


async def add_by_form(runtime: Runtime, form: str) -> str:
    """/addevent with the form, then Save on its preview; the reply to Save."""
    asked = Inquiry(text=f"/addevent\n{form}", user_id=ADMIN, chat_id=ADMIN)
    preview = await respond(runtime, asked)
    assert preview.buttons, preview.text
    save = preview.buttons[0][0]
    return (await run_button(runtime, Inquiry(text=save.data, user_id=ADMIN, chat_id=ADMIN))).text


async def fill(database: Database) -> Runtime:
    """The whole store; the runtime to ask it with (its clock reads NOW)."""
    async with database.sessions.begin() as session:
        await access.seed_admins(session, {ADMIN}, NOW)
    runtime = runtime_at(database, NOW, admin_ids=frozenset({ADMIN}))
    for form in FORMS:
        saved = await add_by_form(runtime, form)
        assert "Saved" in saved or "Сохранен" in saved, saved
    report = await import_file(database, calendar())
    assert len(report.created) == len(IMPORTED), report.skipped
    return runtime
