"""Countries by their names in every supported language: "Morocco", "Maroc" and "摩洛哥" are one country.

A story told in English, French and Chinese names its countries three ways, and no spelling rule joins
them. The names come from the ISO 3166-1 tables of pycountry (the English short, common and official
names, and their French and Chinese translations that it ships as gettext catalogues), keyed as every
name is keyed (``names.entity_key``). A key that two countries share is left out: it tells neither.
"""

from __future__ import annotations

import gettext
import importlib.util
from functools import cache
from pathlib import Path

from checker import build_cache
from checker.names import entity_key

# The catalogues read for each supported language (simplified and traditional Chinese both).
_CATALOGUES = ("fr", "zh_CN", "zh_TW", "zh_HK")


def country_of(key: str) -> str | None:
    """The ISO 3166-1 alpha-2 code of the country a name's key names ("maroc" -> "MA"), or None."""
    return _codes().get(key)


@cache
def _codes() -> dict[str, str]:
    # Built once per machine and pycountry's tables (speed only: 30 ms of every run that links names).
    return build_cache.remembered("countries", _tables_stamp(), 0, _built_codes, _is_table)


def _tables_stamp() -> str:
    """The size and time of change of the files the table is built from, found without importing pycountry
    (its import asks the installed packages' metadata for its version); empty when they cannot be found."""
    spec = importlib.util.find_spec("pycountry")
    if spec is None or spec.origin is None:
        return ""
    package = Path(spec.origin).parent
    files = [package / "databases" / "iso3166-1.json"]
    files += [package / "locales" / language / "LC_MESSAGES" / "iso3166-1.mo" for language in _CATALOGUES]
    stamps = []
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            stamp = "missing"
        else:
            stamp = f"{stat.st_size}:{stat.st_mtime_ns}"
        stamps.append(f"{path.relative_to(package).as_posix()}:{stamp}")
    return f"{package}|" + "|".join(stamps)


def _is_table(value: object) -> bool:
    return isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())


def _built_codes() -> dict[str, str]:
    import pycountry  # loaded only when a run links names: it reads its tables on first use

    translations = [gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)
                    for language in _CATALOGUES]
    found: dict[str, set[str]] = {}
    for country in pycountry.countries:
        english = [getattr(country, field, None) for field in ("name", "common_name", "official_name")]
        names = {name for name in english if name}
        names |= {t.gettext(name) for t in translations for name in list(names)}
        # "Iran, Islamic Republic of", "Russie, Fédération de": the name before the comma is the
        # one news uses (and "Korea", shared by two countries, is left out below).
        names |= {name.split(",")[0] for name in names if "," in name}
        for name in names:
            key = entity_key(name)
            if key:
                found.setdefault(key, set()).add(country.alpha_2)
    return {key: next(iter(codes)) for key, codes in sorted(found.items()) if len(codes) == 1}
