"""The metric names Prometheus's conventions ask for, and every series there from the start."""

from __future__ import annotations

from prometheus_client.parser import text_string_to_metric_families
from telegram import Update

from bot.metrics import DELIVERY_KINDS, Metrics
from bot.outbound.kinds import KINDS
from bot.version import version
from tests.fakebotapi import FakeUser
from tests.fakebotapi.updates import incoming_message, private_chat_json, text_content

AIDA = FakeUser(501, "Aida")


def samples(metrics: Metrics) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    text = metrics.exposition().decode()
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def test_every_series_is_there_before_the_first_event() -> None:
    found = samples(Metrics())
    for kind in ("reminder", "notice"):
        assert found[("unrcca_deliveries_sent_total", (("kind", kind),))] == 0
        assert found[("unrcca_deliveries_failed_total", (("kind", kind),))] == 0
    for kind in ("message", "callback_query", "edited_message", "my_chat_member", "other"):
        assert found[("unrcca_updates_total", (("kind", kind),))] == 0
    for name in (
        "unrcca_reminders_missed_total",
        "unrcca_reminder_early_sends_total",
        "unrcca_reminder_lateness_seconds_sum",
        "unrcca_reminder_lateness_seconds_count",
        "unrcca_telegram_retry_after_total",
        "unrcca_handler_errors_total",
        "unrcca_leader",
        "unrcca_delivery_queue",
    ):
        assert found[(name, ())] == 0, name
    assert found[("unrcca_build_info", (("version", version()),))] == 1
    # The process and garbage-collector collectors, as the default registry would have them.
    assert ("process_cpu_seconds_total", ()) in found
    assert ("process_resident_memory_bytes", ()) in found
    assert ("python_gc_collections_total", (("generation", "0"),)) in found
    assert not [name for name, _ in found if "429" in name]


def test_lateness_is_never_negative_and_early_sends_are_counted() -> None:
    metrics = Metrics()
    for seconds in (-12.0, -0.1, 0.3, 7.0):
        metrics.observe_lateness(seconds)
    found = samples(metrics)
    assert found[("unrcca_reminder_early_sends_total", ())] == 2
    assert found[("unrcca_reminder_lateness_seconds_count", ())] == 4
    assert found[("unrcca_reminder_lateness_seconds_sum", ())] == 7.3
    assert found[("unrcca_reminder_lateness_seconds_bucket", (("le", "0.25"),))] == 2
    assert found[("unrcca_reminder_lateness_seconds_bucket", (("le", "10.0"),))] == 4


def test_updates_are_counted_by_kind() -> None:
    metrics = Metrics()
    message = incoming_message(1, AIDA, private_chat_json(AIDA), **text_content("hi"))
    metrics.count_update(Update.de_json({"update_id": 1, "message": message}, None))
    metrics.count_update(Update(2))
    found = samples(metrics)
    assert found[("unrcca_updates_total", (("kind", "message"),))] == 1
    assert found[("unrcca_updates_total", (("kind", "other"),))] == 1
    assert found[("unrcca_updates_total", (("kind", "callback_query"),))] == 0


def test_every_delivery_kind_has_its_series_from_the_start() -> None:
    # The registry (bot.outbound.kinds) is where a kind is declared; the metrics must follow it.
    assert set(DELIVERY_KINDS) == set(KINDS)
