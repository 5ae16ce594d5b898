#!/usr/bin/env python3
"""Where the page's wasm goes: reads `twiggy top --format csv` of a module
that kept its function names and prints its size by crate and its largest
functions. Run through `make size`, which builds that module the way the
release build does (wasm-bindgen, then `wasm-opt -Oz`) but keeps the names.

Usage: wasm_size.py TWIGGY_CSV [N]
"""

import collections
import csv
import re
import sys

# The first `crate::` in a symbol names the crate whose code it is (for
# `<T as tachys::view::Render>::build` that is tachys, for
# `<&mut serde_json::de::Deserializer<R> as serde::Deserializer>` serde_json).
CRATE = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)::")
HASH = re.compile(r"::h[0-9a-f]{16}$")


def main() -> None:
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    crates: collections.Counter[str] = collections.Counter()
    functions: collections.Counter[str] = collections.Counter()
    copies: collections.Counter[str] = collections.Counter()
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            name, size = row["Name"], int(row["ShallowSize"])
            # The name section and other custom sections are not shipped.
            if name.startswith('"') or name.startswith("custom section"):
                continue
            if name.startswith("data segment"):
                crate = "(constant data)"
            else:
                m = CRATE.search(name)
                crate = m.group(1) if m else "(glue and tables)"
            crates[crate] += size
            # Copies of one generic function, one per type, are summed.
            function = HASH.sub("", name)
            functions[function] += size
            copies[function] += 1
    total = sum(crates.values())
    print(f"code and data: {total / 1000:.1f} kB before compression\n")
    print("| crate | kB | share |\n|---|---:|---:|")
    for crate, size in crates.most_common(top):
        print(f"| {crate} | {size / 1000:.1f} | {size / total:.1%} |")
    print("\n| function (copies summed) | copies | kB |\n|---|---:|---:|")
    for function, size in functions.most_common(top):
        shown = function if len(function) <= 100 else function[:97] + "..."
        shown = shown.replace("|", "\\|")
        print(f"| `{shown}` | {copies[function]} | {size / 1000:.1f} |")


if __name__ == "__main__":
    main()
