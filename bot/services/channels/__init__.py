"""Linked channels: /channel, what a change posts there, and what a post says."""
