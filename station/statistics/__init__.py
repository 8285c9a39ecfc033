"""Monthly de-identified statistics: the tables, disclosure control (suppression and
its linear-programming audit) and the release ledger. Nothing here imports Qt."""
