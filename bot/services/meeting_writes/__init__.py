"""The one write path for every change to a meeting (`changes`: audited, stamped, SEQUENCE grown,
the runtime's change hooks run in the same transaction) and the codec of a meeting's values as
drafts and the audit store them (`values`). Admin commands, the calendar import and the
reminders' notices all use it; it imports no feature package."""
