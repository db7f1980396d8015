"""The languages the checker reads (ISO 639-1 codes), apart from their data so that the command line can name
them without loading it."""

SUPPORTED_LANGUAGES = ("en", "fr", "zh")
