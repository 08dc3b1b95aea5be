#!/usr/bin/env python3
"""Turns the output of tests/rules/balance.sh into the Markdown tables of docs/balance.md.
Usage: tests/rules/balance.sh BUILD 2000 > out.txt; tests/rules/balance_tables.py out.txt"""
import re
import sys

txt = open(sys.argv[1]).read()
rows = {}
for b in re.split(r'\n(?=\d+ games, seed)', txt):
    m = re.search(r'(\d+) games, seed \d+, seats: us=(\S+) ussr=(\S+) un=(\S+)', b)
    if not m:
        continue
    key = m.groups()[1:]
    sc = {r: re.search(r'\n  %s\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)%%' % r, b).groups()[:2]
          for r in ('us', 'ussr', 'un')}
    o = re.search(r'settlement ([\d.]+)%  war ([\d.]+)%  last turn ([\d.]+)%  '
                  r'mean length ([\d.]+)', b).groups()
    length = re.search(r'game length \(% of games ending after 1, 2, ... turns\): ([\d. ]+)',
                       b).group(1).split()
    dist = {r: re.search(r'\n  %s\s+((?:[\d.]+\s+){9}[\d.]+)\n' % r, b).group(1).split()
            for r in ('us', 'ussr', 'un')}
    rows.setdefault(key, (sc, o, length, dist))

HDR = ('| US | USSR | UN | US score mean (sd) | USSR | UN | war | settlement | mean length |\n'
       '|---|---|---|---|---|---|---|---|---|')


def line(k):
    sc, o, _, _ = rows[k]
    return '| %s | %s | %s | %s (%s) | %s (%s) | %s (%s) | %s%% | %s%% | %s |' % (
        k[0], k[1], k[2], *sc['us'], *sc['ussr'], *sc['un'], o[1], o[0], o[3])


AIS = ['random', 'hawk', 'dove', 'historical']
print('### Same AI in every seat\n')
print(HDR)
for p in AIS:
    print(line((p, p, p)))
for others in ('random', 'historical'):
    print('\n### One seat changes its play, the others %s\n' % others)
    print(HDR)
    for role in range(3):
        for p in AIS:
            k = [others] * 3
            k[role] = p
            print(line(tuple(k)))
print('\n### Score distributions (% of games per band of 10 points)\n')
print('| AI | role | 0-9 | 10-19 | 20-29 | 30-39 | 40-49 | 50-59 | 60-69 | 70-79 | 80-89 | 90-100 |')
print('|---|---|---|---|---|---|---|---|---|---|---|---|')
for p in AIS:
    for r in ('us', 'ussr', 'un'):
        print('| %s | %s | %s |' % (p, r, ' | '.join(rows[(p, p, p)][3][r])))
print('\n### Game length (% of games ending after n turns)\n')
print('| AI | ' + ' | '.join(str(i) for i in range(1, 13)) + ' |')
print('|---|' + '---|' * 12)
for p in AIS:
    print('| %s | %s |' % (p, ' | '.join(rows[(p, p, p)][2])))
m = re.search(r'  action .*?\n((?:  \S+\s+\S+\s+[\d.]+%.*\n)+)', txt)
print('\n### Actions: effect of ordering each in turn 1 of random games\n')
print('| action | role | ordered in turn 1 | role score, ordered in turn 1 | not ordered | difference |')
print('|---|---|---|---|---|---|')
for ln in m.group(1).strip('\n').split('\n'):
    f = ln.split()
    diff = 'n/a' if f[5] == '0.0%' else '%+.1f' % (float(f[6]) - float(f[7]))
    print('| `%s` | %s | %s | %s | %s | %s |' % (f[0], f[1], f[5], f[6], f[7], diff))
