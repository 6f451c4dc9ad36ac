"""The outbound side: what the bot sends on its own (reminders, notices), from the database to
Telegram: the registry of delivery kinds, the scheduler, the sender and the rate limits."""
