#!/usr/bin/env python3
"""Attributes a callgrind profile's instructions (self cost, event Ir) to objects and,
inside the niact program, to source files: who spends a sim's instructions.

The engine's share is the niact program's own instructions plus the C library work it
calls directly (its memset, snprintf, malloc); the scenario's share is the Lua VM's
instructions (the scenario's Lua and the Lua API the bindings call) plus the C library
work the VM calls.

usage: callgrind_share.py CALLGRIND_OUT [--files]
       callgrind_share.py --games-only CALLGRIND_OUT_MANY CALLGRIND_OUT_ONE

Callgrind writes, per function, its own cost lines and, after each `calls=` line, one
line with the inclusive cost of that call: those are skipped, so every instruction is
counted once, at the function that executed it."""
import re
import sys
from collections import defaultdict


def parse(path):
    names = {"ob": {}, "fl": {}, "fi": {}, "fe": {}, "fn": {}}
    ob = fl = fi = "?"
    by_obj, by_file = defaultdict(int), defaultdict(int)
    engine_calls = defaultdict(int)  # inclusive cost of calls from niact into other objects
    skip = False
    cob = cfn = None
    with open(path, errors="replace") as f:
        for line in f:
            m = re.match(r"^(ob|fl|fi|fe|fn|cob|cfl|cfi|cfn)=(\((\d+)\))?\s*(.*)$", line)
            if m:
                kind, num, name = m.group(1), m.group(3), m.group(4).strip()
                table = names.get(kind.lstrip("c").replace("fi", "fl").replace("fe", "fl"), {})
                if num and name:
                    table[num] = name
                elif num:
                    name = table.get(num, "?")
                if kind == "ob":
                    ob = name
                elif kind == "cob":
                    cob = name
                elif kind == "cfn":
                    cfn = name
                elif kind == "fl":
                    fl = fi = name
                elif kind in ("fi", "fe"):
                    fi = name
                continue
            if line.startswith("calls="):
                skip = True
                continue
            if line[:1].isdigit() or line[:1] in "+-*":
                if skip:
                    skip = False
                    parts = line.split()
                    callee, callee_fn = cob or ob, cfn or ""
                    cob = cfn = None
                    # the C runtime's entry calls main: not work done for the engine
                    if "libc_start" in callee_fn:
                        continue
                    if len(parts) >= 2 and is_engine(ob) and not is_engine(callee):
                        engine_calls[callee] += int(parts[1])
                    continue
                parts = line.split()
                if len(parts) >= 2:
                    ir = int(parts[1])
                    by_obj[ob] += ir
                    by_file[(ob, fi)] += ir
    return by_obj, by_file, engine_calls


def is_engine(ob):
    return ob.endswith("/niact") or ob.endswith("/niact_bench")


def summary(path):
    by_obj, by_file, calls = parse(path)
    total = sum(by_obj.values()) or 1
    own = sum(ir for ob, ir in by_obj.items() if is_engine(ob))
    lua = sum(ir for ob, ir in by_obj.items() if "liblua" in ob)
    c_from_engine = sum(ir for ob, ir in calls.items() if "liblua" not in ob)
    return by_obj, by_file, total, own, c_from_engine, lua


def games_only(big, small):
    """The shares of the instructions the games added: run(GAMES) - run(1 game)."""
    b, s = summary(big)[2:], summary(small)[2:]
    total, own, cfe, lua = (x - y for x, y in zip(b, s))
    print(f"games only (difference of the two runs): {total:,} instructions")
    print(f"  engine share: {100.0 * (own + cfe) / total:.1f}%  (own code {100.0 * own / total:.1f}%, "
          f"C library called by it {100.0 * cfe / total:.1f}%)")
    print(f"  Lua VM: {100.0 * lua / total:.1f}%")


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    if sys.argv[1] == "--games-only":
        games_only(sys.argv[2], sys.argv[3])
        return 0
    by_obj, by_file, total, own, c_from_engine, lua = summary(sys.argv[1])
    engine = own + c_from_engine
    print(f"total instructions: {total:,}")
    print(f"engine share: {100.0 * engine / total:.1f}%  (own code {100.0 * own / total:.1f}%, "
          f"C library called by it {100.0 * c_from_engine / total:.1f}%)")
    print(f"Lua VM (scenario + bindings' Lua API): {100.0 * lua / total:.1f}%; "
          f"rest (C library under Lua, loader): {100.0 * (total - engine - lua) / total:.1f}%")
    for ob, ir in sorted(by_obj.items(), key=lambda x: -x[1]):
        print(f"  {100.0 * ir / total:6.2f}%  {ir:>14,}  {ob}")
    if "--files" in sys.argv:
        print("by source file (top 25):")
        for (ob, fi), ir in sorted(by_file.items(), key=lambda x: -x[1])[:25]:
            print(f"  {100.0 * ir / total:6.2f}%  {ir:>14,}  {fi}  [{ob.split('/')[-1]}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
