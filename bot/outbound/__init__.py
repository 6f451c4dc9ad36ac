"""The outbound side: everything the bot sends on its own (reminders, notices), not in reply."""
