"""Fixtures of the outbound tests: a PostgreSQL database and a proxy that can cut it off."""

from tests.support.outage import cut_off, postgres_database, proxy

__all__ = ["cut_off", "postgres_database", "proxy"]
