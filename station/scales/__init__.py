"""Assessment scales as data: definitions (``resources/scales``), their validation and
the one scoring function used by the UI, the statistics and ``station score``."""
