#!/usr/bin/env python3
"""Reads the callgrind dumps of niact_bench_floor (one after each phase: "niact sim",
"floor") and prints the instructions of each, their ratio, and where niact's
instructions beyond the floor go: the inclusive cost of the engine's functions that a
callback goes through (callgrind's cost of each call to them, summed over callers
outside the function itself), for the functions named below and the top of the rest.

usage: floor_split.py DUMP... [--games N] [--nohook DUMP_OF_NIACT_SIM_WITHOUT_HOOK]"""
import re
import sys
from collections import defaultdict

WATCH = [
    ("host_call_at", "a callback's protected call (whole, Lua inside included)"),
    ("lua_pcallk", "lua_pcall (the scenario's code inside)"),
    ("host_msg_handler", "message handler"),
    ("host_hook", "the count hook (C side)"),
    ("check_state", "check_state"),
    ("luaL_checkudata", "luaL_checkudata"),
    ("lookup", "lookup (id -> index)"),
    ("host_alloc", "the allocator (caps, big strings)"),
    ("niact_game_resolve", "a turn's resolution (callbacks inside)"),
    ("niact_session_ai_negotiate", "the AIs' negotiation (callbacks inside)"),
    ("niact_session_ai_orders", "the AIs' orders (callbacks inside)"),
    ("vsnprintf", "vsnprintf (formatting)"),
]


def parse(path):
    desc, total = "", 0
    self_cost = defaultdict(int)
    incl = defaultdict(int)
    edges = defaultdict(int)  # (caller, callee) -> inclusive cost of those calls
    names = {}
    fn = None
    cfn = None
    pending_call = False
    with open(path, errors="replace") as f:
        for line in f:
            if line.startswith("desc: Trigger:"):
                desc = line.split(":", 2)[2].strip()
            m = re.match(r"^(fn|cfn)=\((\d+)\)\s*(.*)$", line)
            if m:
                kind, num, name = m.groups()
                if name:
                    names[num] = name.strip()
                name = names.get(num, "?")
                if kind == "fn":
                    fn = name
                else:
                    cfn = name
                continue
            if line.startswith("calls="):
                pending_call = True
                continue
            if line[:1].isdigit() or line[:1] in "+-*":
                parts = line.split()
                if len(parts) < 2:
                    continue
                ir = int(parts[1])
                if pending_call:
                    pending_call = False
                    if cfn != fn:
                        incl[cfn] += ir
                        edges[(fn, cfn)] += ir
                else:
                    self_cost[fn] += ir
                    total += ir
            elif line.startswith("totals:") or line.startswith("summary:"):
                pass
    return desc, total, self_cost, incl, edges


def split(total, incl, edges, floor, nohook):
    """niact's instructions by where they go (see docs/performance.md)."""
    calls = incl.get("host_call_at", 0)
    pcall = edges.get(("host_call_at", "lua_pcallk"), 0)
    bind = sum(c for (a, b), c in edges.items() if b.startswith("st_") and not a.startswith("st_"))
    nested = sum(c for (a, b), c in edges.items() if a.startswith("st_") and b == "lua_pcallk")
    bind -= nested
    rows = [
        ("the engine outside callbacks (core, session, AI; pushing a callback's arguments)",
         total - calls),
        ("entering and leaving a callback (host_call_at without its lua_pcall)", calls - pcall),
        ("the bindings: state methods with the Lua API calls they make", bind),
        ("inside lua_pcall, not a binding: the scenario's Lua, the pcall itself and the "
         "instruction budget's hook", pcall - bind),
    ]
    if nohook is not None:
        rows.append(("  of which the instruction budget (the same run without the count hook)",
                     total - nohook))
    print("split of niact's instructions (callgrind inclusive costs):")
    for what, c in rows:
        print(f"  {100.0 * c / total:6.2f}%  {c:>14,}  {what}")
    print(f"  the floor (plain Lua on tables, same callbacks) is {100.0 * floor / total:.1f}% "
          f"of niact")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    games = 1
    if "--games" in sys.argv:
        games = int(sys.argv[sys.argv.index("--games") + 1])
        args = [a for a in args if a != str(games)]
    nohook = None
    if "--nohook" in sys.argv:
        nohook_path = sys.argv[sys.argv.index("--nohook") + 1]
        args = [a for a in args if a != nohook_path]
        nohook = parse(nohook_path)[1]
    phases = {}
    for p in args:
        desc, total, self_cost, incl, edges = parse(p)
        if "niact sim" in desc:
            phases["niact"] = (total, self_cost, incl, edges)
        elif "floor" in desc:
            phases["floor"] = (total, self_cost, incl, edges)
    if "niact" not in phases or "floor" not in phases:
        print("floor_split.py: no 'niact sim' and 'floor' dumps found", file=sys.stderr)
        return 1
    n, f = phases["niact"][0], phases["floor"][0]
    print(f"instructions, whole sim ({games} games): niact {n:,}  floor {f:,}  "
          f"ratio {n / f:.3f}")
    print(f"per game: niact {n / games:,.0f}  floor {f / games:,.0f}")
    _, self_cost, incl, edges = phases["niact"]
    split(n, incl, edges, f, nohook)
    print("inclusive costs in niact's sim (share of its instructions):")
    for name, what in WATCH:
        c = incl.get(name, 0) or self_cost.get(name, 0)
        if c:
            print(f"  {100.0 * c / n:6.2f}%  {c:>14,}  {name}: {what}")
    print("  (Debian's liblua has no symbols for its internal functions, luaG_traceexec among "
          "them: the hook's cost is the difference to a run without it, --nohook)")
    print("top self costs in niact's sim:")
    for name, c in sorted(self_cost.items(), key=lambda x: -x[1])[:15]:
        print(f"  {100.0 * c / n:6.2f}%  {c:>14,}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
