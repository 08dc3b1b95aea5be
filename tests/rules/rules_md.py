#!/usr/bin/env python3
"""Writes docs/rules.md from the scenario's declarations and the notes below (what moves
each track, the nine points). Usage:
  BUILD/niact rules --scenario november1962 --json > rules.json
  tests/rules/rules_md.py rules.json docs/rules.md
test_docs_november1962 checks that the result and the scenario agree."""
import json, os, re, sys
d = json.load(open(sys.argv[1]))

# Source keys link to docs/sources.md (beside the output); a key it lacks is an error.
SOURCES = open(os.path.join(os.path.dirname(os.path.abspath(sys.argv[2])), 'sources.md')).read()
ANCHORS = set(re.findall(r'<a id="([a-z0-9-]+)"></a>', SOURCES))


def source_key(part):
    """The key a cited source stands under in docs/sources.md."""
    k = re.sub(r'\s*\([^)]*\)$', '', part.strip())
    if k.startswith('telegram 1158'):
        return 'telegram 1158'
    if k.startswith('NYT'):
        return 'NYT'
    return k


def slug(key):
    return re.sub(r'[^a-z0-9]+', '-', key.lower()).strip('-')


def link(src):
    out = []
    for part in src.split(';'):
        part = part.strip()
        a = slug(source_key(part))
        if a not in ANCHORS:
            sys.exit('rules_md.py: source "%s" is not listed in docs/sources.md' % part)
        out.append('[%s](sources.md#%s)' % (part, a))
    return '; '.join(out)

moved = {
 'tension': 'Up: `raise_readiness`, `quarantine` to boarding or reimposed, `retaliate` (1-3 steps), `raise_berlin` before the missiles are gone, covered ships boarded, a shoot-down, the IL-28 non-compliance charge, Moscow behind schedule from turn 6, the 20 November press conference with the bombers contested, `incident_at_sea`. Increases stop at the brink (5). Down: `stand_down` (either superpower), lifting the quarantine, `mediate` (at crisis or above), `raise_berlin` after the missiles are gone, `pact_stand_down`, and a quiet turn at crisis (4). War (6): only the brink roll, at the end of a turn that started and ended at the brink: 15%, +10% with tactical weapons in Cuba and SAMs in Cuban hands, +10% in a turn of retaliation, halved by mediation.',
 'missiles': 'Down by up to 21 per `ship_inspected` or `ship_covered` (once crated). The US estimate sharpens with `recon_high` (the missiles its photographs identify, which may be up to 10 fewer than are there, ±8), `recon_low` (up to 6 fewer, ±6), counting at sea (±2), an operating UN scheme (±1 to ±4) and Soviet declarations passed on by `gather_reports` (±6, and they may flatter). A look never replaces a sharper estimate; every turn the error bar of an estimate grows by one (to 12 for the US), so old photographs count for less.',
 'missile_stage': 'Starts at 1: dismantling began on 29 October. `dismantle` moves it to 2 (crated); the first shipment makes it 3; when no missile is left it becomes 4, and 5 once 42 have been counted.',
 'missiles_counted': '`ship_inspected` (all of the load), `ship_covered` into a boarding quarantine (all), a UN inspection at sea (covered loads of that turn).',
 'il28': 'Leaves 21 a turn from the fourth turn after the bombers were agreed (`concede_il28` twice). The US estimate sharpens with reconnaissance and inspections.',
 'il28_deal': '`concede_il28` (one step a turn, to 2); 3 once they start leaving. `contest_il28` is possible only while 0.',
 'il28_counted': 'Each departure of bombers (21 a turn) is counted.',
 'tactical': '`withdraw_tactical` (33 a time). Only the Soviet Union sees it. While any remain, `retaliate` escalates a step further against a furious Castro (anger 9+) and the brink roll is worse if SAMs are in Cuban hands.',
 'sams': '`withdraw_sams` (6 sites), `retaliate` (1 site, when it strikes a SAM site still manned by Soviet crews).',
 'sam_control': '`hand_sams` (one step a turn). Cuban crews fire on U-2s more readily; Soviet crews with restraint never do.',
 'sam_restraint': '`order_restraint` sets it to 2; it falls by 1 at every turn end. While above 0, Cuban guns fire 60% less often, Cuban and mixed SAM crews half as often, Soviet crews never.',
 'personnel': '`withdraw_troops` (5 thousand), `withdraw_sams` (2 thousand). The US estimate starts at the guess of Washington (10 ±5, far off) and is corrected only by low-level reconnaissance (±15) and UN observers on the ground (±4).',
 'technicians_out': 'Thousands withdrawn by `withdraw_troops` and `withdraw_sams`.',
 'verification': 'Up: `recon_high` +3 (only up to 45), `recon_low` +6 (up to 60), each missile counted at sea +1, covered shipments +2, ICRC inspecting +3 a turn, UN scheme operating +12 (ground) / +8 (air) / +4 (sea) a turn, `certify` +12 with an operating inspection or +2 without. Verbal assurances: nothing. Down: -3 for a turn without reconnaissance while it is under 50 and no UN scheme operates (point 5).',
 'un_inspection': '`propose_scheme` or `press_un_inspection` → 1; `allow_un_inspection` → 2; at the turn end a sea scheme starts (3) at once, a ground or air scheme only if Cuban cooperation is 6 or more (point 4).',
 'un_scheme': '`propose_scheme` (1 ground, 2 air, 3 sea); `press_un_inspection` proposes ground observers when nothing is on the table.',
 'icrc': 'Starts at 1 (the Soviets proposed it, Washington accepted). `press_icrc` → 1; `accept_icrc` → 2; `broker_icrc` with Cuban cooperation 4 or more (2 or more after `press_icrc` with parameter 1) wins the ICRC\'s agreement in principle; inspection (3) starts three turns later if the quarantine still stands, otherwise the scheme is overtaken and never starts. Lifting the quarantine ends a running inspection (back to 2).',
 'un_certified': '`certify`.',
 'quarantine': '`quarantine` with the level.',
 'recon': 'What the United States flew in the last turn: 1 high, 2 low, 3 both.',
 'us_pressure': 'Up: until 42 missiles are counted or verification reaches 70, a turn with less than 3 points of verification progress (+6 in turns 1-2, +4 later; point 2), no reconnaissance while verification is under 50 and no UN scheme operates (+3, after the security cost; point 5), a suspended quarantine (+2 a turn), OAS support under 50 (+2 a turn), an unanswered shoot-down (half the retaliation pressure a turn), a shoot-down (+8), `restrain_exiles` (+3), `contest_il28` (+4), `demand_protocol` (+2), lifting the quarantine before the bombers are agreed (+10), a conditional pledge (+1, +5 under 50 verification) or a formal one (+4, +14 under 70), `stand_down` while the bombers are contested (+3), `raise_berlin` early (+6 US, +3 USSR), `convene_council` with the missiles gone and the quarantine on (+3), Moscow behind schedule (+2), events (midterms if above 55, counting at sea with nothing counted, Okhotsk without bombers, Matahambre). Down: `dismantle` (-2), `assure` (-1), `press_icrc` (-2), `tolerate_exiles` (-3), `raise_readiness` (-3), `retaliate` (-12), bombers agreed (-10), ICRC inspecting (-2 a turn), `certify` with inspection (-4), `mediate` below crisis (-1), wider talks (-2), events (midterms if 55 or less -8, counting at sea -4, DoD report -3, press conference -8, Okhotsk -3).',
 'oas_support': 'Up: `demand_il28` (+2), the non-compliance charge (+3), the press conference with the bombers agreed (+4). Down: each turn without verification progress (-2), lifting the quarantine before the bombers are agreed (-8), a formal pledge (-6), `raise_berlin` early by the US (-6), `convene_council` against a standing quarantine (-2).',
 'retaliation': 'A shoot-down +5; -1 each turn; `appeal_restraint` -2; `retaliate` sets it to 0. When it reaches 0 the moment to retaliate has passed.',
 'shootdowns': 'Each time Cuban guns (low-level flights) or a SAM (U-2s) fire. Low-level: before Castro\'s threat of 15 November, 0 (6% only at anger 10 with boarding or tension at crisis); from the turn after it, 10% +4% per point of anger above 5. High: Soviet crews 0 (2% at the brink), mixed 2% +2% per point above 6, Cuban 4% +3% per point above 5, +5% for mixed or Cuban crews after the threat; no SAMs, no risk. Soviet restraint and the Secretary-General\'s appeal reduce both.',
 'pledge': 'Starts conditional (1): Kennedy\'s letter of 27 October promised no invasion if the weapons left under UN observation with safeguards; the statements of 20-21 November restated it on its conditions. `pledge` raises it (2 unconditional, 3 formal; only upward).',
 'exiles': 'Starts at 3 (a group was arrested on 31 October). 50% chance of +1 each turn unless restrained; `restrain_exiles` -3, `tolerate_exiles` +2, `appeal_restraint` -1, a raid -2.',
 'prestige': 'Down: `dismantle` -1, `ship_inspected` -3, boarded -6, `concede_il28` -4 then -2, `bargain_castro` -1, `withdraw_sams` -3, `withdraw_troops` -1, `accept_icrc` -1, `allow_un_inspection` -3, `stand_down` -1, quarantine standing -1 a turn (-2 boarding), `demand_il28` -1, `demand_sams` -2, `press_un_inspection` (once proposed) -2, `retaliate` -5, reimposing the quarantine -3, the non-compliance charge -3, `convene_council` while Moscow lags -3, behind schedule -2, `raise_berlin` early -4, exile raid -1, press conference with bombers contested -3. Up: `assure` +1, `contest_il28` +2, `hand_sams` +1, `demand_protocol` +2 (the first two times), lifting the quarantine +5, a pledge +3 per level, wider talks +3.',
 'castro_anger': 'Up: `recon_low` +1, quarantine boarding +1 a turn (hail and pass: 50% chance of +1), `press_un_inspection` +1, `press_icrc` without Cuba +2, `demand_sams` +1, `concede_il28` +2 (unless Mikoyan has had three sessions), `order_restraint` +1, `withdraw_sams` +2, `withdraw_troops` +1, `withdraw_tactical` +1, `retaliate` +3, boarding +1, exile raid +2, Matahambre +2, the threat of 15 Nov +1, Mikoyan on the tactical weapons +1, regular overflights +1. Down: `bargain_castro` -1 (may fail at 9+), `restrain_exiles` -1, `contest_il28` -1, `hand_sams` -2, `demand_protocol` -1, `visit_havana` -2 (-1 without good faith), a pledge -1 per level, lifting the quarantine -1, Mikoyan arrives -1, Castro\'s letter -1, and -1 at a turn end above 6 without low-level flights or boarding.',
 'cooperation': 'At each turn end: -1 if Castro\'s anger is 8+, +1 if 3 or less. `bargain_castro` +1 (anger 7 or less), `visit_havana` +2 (+1 without good faith), `hand_sams` +1; events: Castro\'s speech -1, Mikoyan stays +1, Mikoyan leaves -1.',
 'un_credibility': 'Up: `mediate` +2, `propose_scheme` +2, `broker_icrc` +1 (+3 more when it starts), `visit_havana` +3 with good faith, `convene_council` +1 (+3 at crisis), `certify` +4 with inspection, `gather_reports` +1, `appeal_restraint` +1, `press_un_inspection` +2, `demand_protocol` +1, wider talks +2. Down: failed mediation -1, `visit_havana` without good faith -1, `certify` without inspection -5, Cuba refusing an accepted scheme -1 a turn, exile raid -1, the Kennedy-Mikoyan deadlock -2.',
 'wider_talks': '`raise_berlin` once all missiles have left and the IL-28s are leaving (point 9: the offensive weapons, bombers included, clearly on their way home).',
 'us_alert': '`raise_readiness` +1 (to DEFCON 2, all forces), `stand_down` by the United States -1 (to "alert lowered"), `sac_stand_down` on 15 November (SAC from DEFCON 2 to, probably, DEFCON 3) unless readiness was raised. It describes; the game\'s *tension* is what the rules act on.',
}
def vis(t):
    return ', '.join('%s: %s' % (k, v) for k, v in t['visible'].items())
out = []
w = out.append
w('<!-- Generated by tests/rules/rules_md.py from `niact rules --json`: edit the scenario or that script, then regenerate. -->')
w('# November 1962 — rules reference\n')
w('This is what a player reads to understand the November 1962 scenario: every track, action, event, objective and term, what moves it and where it comes from. It agrees with `niact rules --scenario november1962` (a test checks that every id there appears here in bold, and every bold id here is declared there). Sources use the keys of the project\'s history notes: *telegram 1158, point N* is the State Department telegram of 1 November 1962 (FRUS XI-132); *XI-n* is FRUS 1961-63 vol. XI document n; *S-n* the microfiche supplement; *NSA-393*, *Dobbs*, *Dorn*, *Fischer*, *NYT*, *CWIHP* as listed there.\n')
c = d['calendar']
w('## How the game runs\n')
w('- **Calendar.** From %s, %d days a turn, %d turns (to early December). Events fire on their dates.' % (c['start'], c['days_per_turn'], c['turns']))
w('- **Seats.** ' + '; '.join('%s (%d action points)' % (r['name'], r['action_points']) for r in d['roles']) + '. Cuba (Castro) is not a seat: the rules play it (see *Cuba* below).')
w('- **Orders** are secret and simultaneous. Each action costs action points; most may be ordered once a turn. They resolve in order of *priority* (lower first), then United States, Soviet Union, United Nations. So a Soviet concession on the bombers (priority 8) lands before a US decision on the quarantine (10), a new quarantine level before ships sail (20), ships before reconnaissance looks (30), and the Secretary-General mediates (70) knowing what everyone did. An order that has become impossible by the time it resolves is dropped.')
w('- **Events that open the turn.** A dated event of the turn\'s first day that does not depend on the seats\' orders (marked *opens the turn*) fires as the turn begins, before any order: its news is in the briefing and heads the turn\'s log, so the log reads in date order.')
w('- **After the orders**, the dated and random events of the turn fire, then the *standing rules*, declared as events that fire every turn (listed under Events, from `cuba_fires` to `settlement`), in this order: Cuba fires or not on aircraft, Havana\'s reaction, Cuba\'s consent to inspection, inspections at work, weapons leaving, the IL-28 non-compliance charge, Moscow\'s removal schedule, pressure on Washington (points 2 and 5, the home front), the quarantine\'s weight on Moscow, the brink, the settlement. At the very end of the turn, what lasts one turn is cleared and estimates age.')
w('- **Moscow\'s schedule (point 1).** Khrushchev promised removal; dismantling began on 29 October. From the end of turn 3 (9 November) the missiles must be crated, from turn 6 at most 21 left, from turn 8 none. Each turn behind costs 2 prestige, adds 2 to US pressure and, from turn 6, a step of tension.')
w('- **The end.** *War* when tension reaches 6: every score is 0, at once. The *settlement* is reached at the end of a turn in which the quarantine is lifted, no missile is left in Cuba, 42 have been counted at sea or verification is 70+, the bombers are agreed, tension is 2 or lower and no shoot-down is unanswered. The game then plays on to its last turn (4-6 December) as an *epilogue*, so that the record\'s last weeks are seen: the bombers sail, the tactical warheads go home, Mikoyan leaves Havana, the protocol deadlocks. A settled game ends as a settlement (unless the epilogue turns to war); otherwise it ends after the last turn. Scores are shown throughout. A class may stop at the settlement: `niact debrief` reads an unfinished game too.')
w('- **Tension and DEFCON.** *Tension* is the game\'s own ladder (calm to war); it is not a DEFCON level. The US alert is a separate track (`us_alert`) with the levels of the record: on 1 November US forces at DEFCON 3 and the Strategic Air Command at DEFCON 2; SAC left DEFCON 2 on 15 November; a general lowering on 20 November. DEFCON 1 was never declared.')
w('- **Hidden information.** Each role sees some tracks truly, some as an estimate with an error bar, some not at all (listed per track below). The United States never sees true counts of missiles, bombers or personnel, only the estimates its reconnaissance, counting and inspections build; an observation sets its estimate to the truth plus a random error within the bar. The Soviet Union sees everything. The United Nations sees what was inspected or reported to it. The tactical nuclear warheads (Washington photographed the FKR and Luna launchers, but did not know their warheads were there), who holds the SAM keys and Soviet fire orders are seen only by Moscow. Scores of the US are built only from things it can see.\n')
w('## The nine points of telegram 1158\n')
pts = [
 ('1', 'The understanding counts only if removal is **verified**. US score *Missiles out, and verified* is half missiles counted at sea, half verification; covered shipments count for nothing; settlement needs counting or verification 70+. Moscow falling behind its promise is reneging.', '`removal_schedule`, `weapons_leave`, `us_verified`, `ship_inspected`, `ship_covered`, `verification`, `missiles_counted`, term `inspect_at_sea`'),
 ('2', 'Until 42 missiles are counted or verification reaches 70, each turn with less than 3 points of verification progress adds 6 (turns 1-2) or 4 to US domestic pressure and takes 2 from OAS support. `assure` eases pressure by 1 and verifies nothing.', '`no_verification`, `us_pressure`, `oas_support`, `assure`'),
 ('3', 'The ICRC may inspect incoming ships for the UN (`press_icrc`, `accept_icrc`, `broker_icrc`), with or without Cuba\'s agreement at a price in Castro\'s anger. The Havana visit works best when Washington suspends the quarantine and all reconnaissance, as it did for U Thant\'s visit of 30-31 October. An ICRC scheme agreed by all three starts three turns later, if the quarantine still stands (in 1962 it was overtaken by the end of the quarantine). Restraining exiles costs at home; tolerated exiles raid.', '`inspections_verify`, `icrc`, `visit_havana`, `restrain_exiles`, `tolerate_exiles`, `exile_raid`, terms `icrc_ships`, `suspend_low_flights`'),
 ('4', 'Many UN schemes (ground, air, sea) but each needs Moscow\'s consent, and on the ground or in the air Cuba\'s (cooperation 6+).', '`cuba_consent`, `propose_scheme`, `press_un_inspection`, `allow_un_inspection`, `un_inspection`, term `un_team`'),
 ('5', 'Security first: without UN verification the US must verify by its own means. A turn without reconnaissance while verification is under 50 and no UN scheme operates costs 3 points of verification and blurs the US estimates of missiles and bombers (error +2); second, as the telegram ranks it, it adds 3 to US pressure (the assurance to US and Latin American publics).', '`own_means`, `recon_high`, `recon_low`, `us_pressure`'),
 ('6', 'Unarmed reconnaissance, high and low. Cuban guns hold their fire until Castro\'s threat of 15 November and then fire at low flights by Havana\'s anger; SAMs at U-2s by who holds them (hidden) and Soviet restraint. A shoot-down raises tension and retaliation pressure; `retaliate` answers it at the cost of 1-3 steps on the ladder; at the brink a war may start.', '`cuba_fires`, `home_front`, `brink`, `shootdowns`, `retaliation`, `retaliate`, `order_restraint`, `hand_sams`, `sam_control`, `tension`'),
 ('7', 'The IL-28s are offensive weapons. The US bomber objective needs them conceded, agreed and counted leaving; the Soviets may contest them; ignored US pressure becomes a non-compliance charge (tension +1, prestige -3).', '`il28_noncompliance`, `demand_il28`, `concede_il28`, `contest_il28`, `il28_deal`, `us_bombers`, term `il28_out`'),
 ('8', 'SAMs and technicians: a bonus US objective, a Soviet objective to keep them.', '`demand_sams`, `withdraw_sams`, `withdraw_troops`, `us_sams`, `ussr_keep`, term `sams_out`'),
 ('9', 'No linkage: raising Berlin before the offensive weapons are clearly on their way home (every missile gone and the IL-28s leaving) costs the one who does it and a step of tension; afterwards it opens the wider talks. In negotiation, lifting the quarantine and the SAMs are not on the table before the missiles have left.', '`raise_berlin`, `wider_talks`, terms `lift_quarantine`, `sams_out`'),
]
w('| point | rule | where |\n|---|---|---|')
for p, r, ids in pts:
    w('| %s | %s | %s |' % (p, r, ids))
w('')
w('## Cuba\n')
w('Cuba is played by the rules (`cuba.lua`); its government\'s case is in docs/briefings/cuba.md. The track *Castro\'s anger* (0-10) measures how strongly Havana resents what it sees as threats to its security and sovereignty: it rises with low flights, boarding, raids, pressure and Soviet concessions made over Cuba\'s head, and falls with Mikoyan\'s bargaining, the Secretary-General\'s visits, pledges and the end of the quarantine. Anger 8+ erodes cooperation each turn, 3 or less builds it. Cooperation decides whether Cuba admits UN inspectors (6+) or lets the ICRC act (4+). After the threat of 15 November, anger decides how readily Cuban guns fire on low-level flights; with Cuban crews at the SAMs, whether U-2s are fired on too.\n')
w('## Roles\n')
for r in d['roles']:
    w('- **`%s`** %s (%d action points). %s *Source: %s.*' % (r['id'], r['name'], r['action_points'], r['text'], link(r['source'])))
w('')
w('## Tracks\n')
w('Visibility: *true* = sees the value, *estimate* = sees an estimate with an error bar, *none* = does not see it.\n')
hidden = [t for t in d['tracks'] if t['hidden']]
for t in d['tracks']:
    if t['hidden']: continue
    w('### **`%s`** %s\n' % (t['id'], t['name']))
    line = 'Range %d-%d, starts at %d. Seen by %s.' % (t['min'], t['max'], t['initial'], vis(t))
    if 'labels' in t:
        line += ' Steps: ' + ', '.join('%d %s' % (t['min'] + i, l) for i, l in enumerate(t['labels'])) + '.'
    w(line + '\n')
    w(t['text'] + '\n')
    if t['id'] in moved:
        w('*Moved by:* ' + moved[t['id']] + '\n')
    w('*Source:* ' + link(t['source']) + '\n')
w('### Scenario variables (no seat sees them)\n')
for t in hidden:
    w('- **`%s`** (%d-%d, starts %d): %s *Source: %s.*' % (t['id'], t['min'], t['max'], t['initial'], t['text'], link(t['source'])))
w('')
w('## Actions\n')
names = {r['id']: r['name'] for r in d['roles']}
for role in [r['id'] for r in d['roles']]:
    w('### %s\n' % names[role])
    for a in d['actions']:
        if a['roles'][0] != role: continue
        extra = 'cost %d, priority %d' % (a['cost'], a['priority'])
        if len(a['roles']) > 1:
            extra += ', also ' + ', '.join(names[x] for x in a['roles'][1:])
        if a['param']:
            p = a['param']
            extra += '; parameter %s, %d-%d, default %d' % (p['name'], p['min'], p['max'], p['default'])
        w('- **`%s`** %s (%s). %s *Source: %s.*' % (a['id'], a['name'], extra, a['text'], link(a['source'])))
    w('')
w('## Events\n')
for e in d['events']:
    when = e.get('date') or ('%.0f%% a turn when its condition holds' % e['chance'] if e['conditional'] else ('every turn' if e['chance'] >= 100 else '%.0f%% a turn' % e['chance']))
    if e.get('date') and e['conditional']:
        when += ', if its condition holds'
    if not e.get('date') and e['once']:
        when += ', at most once'
    if e.get('opens_turn'):
        when += '; opens the turn'
    w('- **`%s`** %s (%s). %s *Source: %s.*' % (e['id'], e['name'], when, e['text'], link(e['source'])))
w('')
w('## Objectives\n')
w('Each objective scores 0-100; a role\'s score is the weighted mean of its objectives. War makes every score 0. Objectives conflict: no role can take everything.\n')
for role in [r['id'] for r in d['roles']]:
    w('### %s\n' % names[role])
    for o in d['objectives']:
        if o['role'] != role: continue
        w('- **`%s`** %s (weight %d). %s *Source: %s.*' % (o['id'], o['name'], o['weight'], o['text'], link(o['source'])))
    w('')
w('## Terms (for negotiation)\n')
w('Offers and demands a proposal may carry (`propose`, `accept`, `counter` in text play). An accepted proposal is an agreement: each term becomes a commitment of its giver, judged at the end of every turn: kept, broken, or not yet. Keeping one raises the giver\'s trust, breaking one lowers it and may have a further consequence named below. A term is a promise to act: the seat must still give the orders.\n')
n = d['negotiation']
w('Trust starts at %d for every seat (of 0-100); a commitment kept adds %d, one broken takes %d. A proposal can be answered in the turn it was made and the %s; each seat may make %d proposals a turn. The proposer names who gives a term several may give (`TERM@ROLE`). A public proposal, and the agreement it becomes, is seen by every seat; a private one by its parties only.\n' % (n['trust']['start'], n['trust']['kept'], n['trust']['broken'], 'next' if n['expiry'] == 1 else 'next %d' % n['expiry'], n['proposals_per_turn']))
for t in d['terms']:
    if t['window'] == 0 and t['param'] and t['param']['name'] == 'days':
        extra = 'given by ' + ', '.join(names[x] for x in t['givers']) + '; due within the days given'
    else:
        extra = 'given by ' + ', '.join(names[x] for x in t['givers']) + '; due within %d turn%s after the turn of the agreement' % (t['window'], '' if t['window'] == 1 else 's')
    if t['param']:
        p = t['param']
        extra += '; %s %d-%d (default %d)' % (p['name'], p['min'], p['max'], p['default'])
    w('- **`%s`** %s (%s). %s *Source: %s.*' % (t['id'], t['name'], extra, t['text'], link(t['source'])))
w('')
w('## Turning points of 1962 (for the debrief)\n')
w('`niact debrief` sets each of these beside the class\'s game: when the marker was first reached in the game, against what happened in 1962 and when, with a question for discussion.\n')
w('| turning point | in 1962 | found in a game when | to discuss |\n|---|---|---|---|')
for p in d.get('turning_points', []):
    if 'track' in p:
        mark = '`%s` %s %d' % (p['track'], '<=' if 'at_most' in p else '>=', p.get('at_most', p.get('at_least')))
    else:
        mark = '`%s` ordered' % p['action'] + (' (%s)' % ', '.join(names[x] for x in p['roles']) if 'roles' in p else '')
    w('| **`%s`** %s | %s: %s *Source: %s.* | %s | %s |' % (p['id'], p['name'], p['date'], p['text'], link(p['source']), mark, p['prompt']))
w('')
w('## AI personalities\n')
desc = {'historical': "plays the choices of November 1962 turn by turn (`--seat ROLE=ai:historical`), and bargains as the record shows: Washington offers, in private, the quarantine lifted for the IL-28s out within thirty days (from 10 November), and trades no assurance in public; Moscow refuses the bombers until 20 November and any inspection on Cuban soil; the Secretary-General asks Moscow for observers and promises no inspection himself (each refusal with its reason, as a telegram). With all three seats historical the game reproduces the real outcome (see docs/balance.md).",
        'hawk': 'presses hard and accepts risk: low flights, boarding, retaliation, contesting the bombers, Cuban crews at the SAMs, an activist Secretary-General.',
        'dove': 'gives ground to lower the risk: U-2s only, an early conditional pledge, uncovered shipments, early concession on the bombers, restraint orders, quiet mediation and the ICRC.'}
for p in d['personalities']:
    w('- **`%s`** %s' % (p, desc.get(p, '')))
w('')
open(sys.argv[2], 'w').write('\n'.join(out))
