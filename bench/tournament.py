#!/usr/bin/env python3
"""The AI tournament of docs/ai.md: every seat played by every AI against every scripted
personality of the scenario, over many seeded games, through `niact sim`.

usage: tournament.py NIACT SCENARIO [--games-scripted N] [--games LEVEL=N ...] [--seed S]
                     [--threads T] [--out FILE.json]

For each seat R and each opponent personality P (every other seat plays P), the seat is
played by each scripted personality, by random, and by each search level. Every cell runs
the same seeds (game i of a cell has the seed of game i in every other cell). A cell
reports the seat's mean score, its standard error and the war rate."""
import argparse
import json
import math
import subprocess
import sys

LEVELS = ["mcts-easy", "mcts-medium", "mcts-hard"]


def sim(args, seat, role, opp, games):
    cmd = [args.niact, "sim", "--scenario", args.scenario, "--games", str(games),
           "--seed", str(args.seed), "--ai", opp, "--seat", f"{role}={seat}", "--json"]
    if args.threads:
        cmd += ["--threads", str(args.threads)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    d = json.loads(out)
    r = d["roles"][role]
    return {"mean": r["mean"], "se": r["sd"] / math.sqrt(games), "war": d["war_rate"],
            "games": games, "turns": d["mean_turns"]}


def scenario_info(args):
    out = subprocess.run([args.niact, "rules", "--scenario", args.scenario, "--json"],
                         check=True, capture_output=True, text=True).stdout
    d = json.loads(out)
    roles = [r["id"] for r in d["roles"]]
    pers = d.get("personalities") or []
    return roles, [p if isinstance(p, str) else p.get("id") for p in pers]


def table(results, roles, opps, seats):
    lines = ["| seat | opponents | " + " | ".join(seats) + " | best scripted | mcts-hard - best |",
             "|---|---|" + "---|" * (len(seats) + 2)]
    for role in roles:
        for opp in opps:
            cells, best = [], None
            for s in seats:
                c = results.get(f"{role}/{opp}/{s}")
                if not c:
                    cells.append("")
                    continue
                cells.append(f"{c['mean']:.1f} ±{c['se']:.1f} ({100 * c['war']:.0f}% war)")
                if not s.startswith("mcts") and s != "random":
                    best = max(best or c["mean"], c["mean"])
            hard = results.get(f"{role}/{opp}/mcts-hard")
            diff = f"{hard['mean'] - best:+.1f}" if hard and best is not None else ""
            lines.append(f"| {role} | {opp} | " + " | ".join(cells) +
                         f" | {best:.1f} | {diff} |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("niact")
    ap.add_argument("scenario")
    ap.add_argument("--games-scripted", type=int, default=1000)
    ap.add_argument("--games", action="append", default=[])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--personalities", default="")
    ap.add_argument("--roles", default="")
    ap.add_argument("--out")
    args = ap.parse_args()
    games = {"mcts-easy": 200, "mcts-medium": 100, "mcts-hard": 30}
    for g in args.games:
        k, v = g.split("=")
        games[k] = int(v)
    roles = args.roles.split(",") if args.roles else None
    pers = args.personalities.split(",") if args.personalities else None
    if not roles or not pers:
        r2, p2 = scenario_info(args)
        roles, pers = roles or r2, pers or p2
    seats = pers + ["random"] + [lv for lv in LEVELS if games.get(lv, 0) > 0]
    results = {}
    if args.out:
        try:
            results = json.load(open(args.out))
        except (OSError, ValueError):
            results = {}
    for role in roles:
        for opp in pers:
            for s in seats:
                key = f"{role}/{opp}/{s}"
                if key in results:
                    continue
                n = games.get(s, args.games_scripted)
                results[key] = sim(args, s, role, opp, n)
                print(key, results[key], file=sys.stderr, flush=True)
                if args.out:
                    json.dump(results, open(args.out, "w"), indent=1)
    print(table(results, roles, pers, seats))
    return 0


if __name__ == "__main__":
    sys.exit(main())
