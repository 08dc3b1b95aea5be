-- Each seat's opening briefing (Markdown). docs/briefings/<role>.md holds the same text
-- for printing; a test keeps the two identical.
local B = {}

B.us = [[
# Briefing: the United States

*Washington, 1 November 1962. For the President's representatives in New York (McCloy, Stevenson).*

## Situation

On 28 October Chairman Khrushchev agreed to remove the weapons we called offensive. Four days later we have his word and nothing else. The missile sites are being taken apart, our photographs say (dismantling began on 29 October), but no one has counted a missile leaving, the IL-28 bombers are still being assembled, and Castro refuses any inspection on Cuban soil. Mikoyan is in New York tonight and flies to Havana tomorrow. The quarantine stands at "hail and pass"; our forces are at DEFCON 3 and the Strategic Air Command at DEFCON 2. Americans vote on 6 November. The President's assurance against an invasion (his letter of 27 October) holds only if the weapons leave under UN observation, with safeguards against their return.

You see our estimates, not the truth: how many missiles, bombers and Soviet servicemen are in Cuba is what our reconnaissance and the Navy's counts say, with an error bar. Photographs identify what they can see, and crated missiles may be missed: only counting them on departing ships gives a firm figure.

## Instructions (State Department telegram 1158, 1 November, in the game's words)

1. The deal holds only if removal of all offensive weapons is **verified** to our satisfaction and that of the OAS. Removal nobody verified does not count. *(point 1)*
2. Every turn without verification progress raises pressure at home and in Latin America; Soviet assurances alone are worth almost nothing. *(point 2)*
3. Show good faith: the ICRC may inspect ships bound for Cuba for the UN, and we will push it, with or without Cuba's agreement. We may hold back the quarantine and the flights while the Secretary-General is in Havana, and we keep the exiles in check, though arrests cost us at home. *(point 3)*
4. We accept many kinds of UN verification, but each needs Moscow's and Havana's consent; Castro's refusal blocks inspection on the ground. *(point 4)*
5. The President's responsibility for our security demands that, without UN verification, we verify by our own means; reassuring Americans and Latin Americans comes second. Failing to fly while nothing is verified loses what we know first, and then costs the President at home. *(point 5)*
6. Our reconnaissance is unarmed, high (U-2) and low. Cuban guns may be Cuban, but the SAMs need Soviet technicians: Moscow answers for them. If a plane is fired on, we face retaliation and a cycle of action and reaction back toward last week's brink. *(point 6)*
7. "All weapons systems capable of offensive use" includes the IL-28s, whatever flag they fly. They must go. *(point 7)*
8. With missiles and bombers gone, the SAMs and the military technicians have no purpose: ask for them too. *(point 8)*
9. No linkage: do not raise Berlin or disarmament until the missiles are clearly on their way home. *(point 9)*

## Your choices

Each turn you have 3 action points: fly U-2s and low-level missions, set the quarantine (lift, suspend, hail, board), press for UN or ICRC inspection, demand the bombers and the SAMs, restrain or tolerate the exiles, go beyond the conditional assurance (an unconditional or a formal pledge), raise or lower readiness, and, if a plane is fired on, retaliate.

Once a settlement is reached the game plays on to 6 December, the epilogue: the bombers must still leave, and the pledge and the Soviet forces in Cuba are still open.

You may also negotiate (`terms`, `propose`): offer to suspend low-level flights, a formal pledge or the end of the quarantine; demand inspection at sea, the bombers within N days, the SAMs, a UN team or ICRC inspection. An agreement binds: breaking it costs trust and more.

## Objectives and scoring (0-100)

- **Missiles out, and verified** (weight 4): missiles counted at sea and the verification level.
- **IL-28 bombers out** (weight 2): conceded, agreed with a timetable, counted leaving.
- **Calm at home and in the hemisphere** (weight 3): low domestic pressure, OAS support.
- **Bonus: SAMs and technicians out** (weight 1).

If the crisis turns to war, every side scores zero.
]]

B.ussr = [[
# Briefing: the Soviet Union

*Moscow, 1 November 1962. For Comrade Mikoyan and Comrade Kuznetsov.*

## Situation

We have agreed to take out the missiles the Americans call offensive, in return for their promise not to invade Cuba. The sites are being dismantled. Now Washington wants more: inspection, the IL-28 bombers, perhaps the SAMs and our troops. Castro resents not having been consulted, refuses every inspection and has his own five points for Cuba's security. Comrade Mikoyan goes to Havana tomorrow.

You see everything: the true number of missiles, bombers and servicemen on the island, who controls the SAMs, and what the Americans do not know. Their planes have photographed our FKR cruise-missile and Luna rocket launchers, but they do not know that about 98 tactical nuclear warheads (80 for the FKR, 12 for the Luna, 6 bombs for the IL-28s) are in Cuba. While they remain, any fighting over Cuba escalates faster.

## Instructions

- Keep Khrushchev's word on the missiles: the sites have been coming down since 29 October; finish, crate and ship them. Falling behind is reneging and costs prestige and tension.
- Decide whether to ship them uncovered for the Americans to count (proof, but a humiliation) or covered (pride, but no proof — and if their Navy boards, worse).
- The IL-28s: contest them as obsolete Cuban coastal defence, or concede them for the end of the quarantine.
- Keep the SAMs and the garrison if you can. Order restraint so no one fires on American aircraft — or hand the SAMs to the Cubans and let Havana answer for them.
- Bargain with the Cuban leaders, who have their own five points and were not consulted; consent, or not, to ICRC and UN inspection.
- Berlin can wait: raising it before the missiles and the bombers are on their way home looks like blackmail.
- Negotiate (`terms`, `propose`): inspection at sea, the bombers within N days, the SAMs, consent to UN or ICRC inspection are yours to give; a formal pledge, the end of the quarantine, a pause in low-level flights are what to ask for. An agreement binds: breaking it costs trust and more.

## Objectives and scoring (0-100)

- **Remove without humiliation** (weight 3): Soviet prestige.
- **A binding non-invasion pledge** (weight 2): none 0, informal 30, conditional 60, formal 100.
- **Keep Cuba friendly** (weight 2): Castro's anger low.
- **Keep the SAMs and the garrison** (weight 2).
- **End the quarantine** (weight 1).

If the crisis turns to war, every side scores zero.
]]

B.un = [[
# Briefing: the United Nations

*New York, 1 November 1962. For the Acting Secretary-General, U Thant.*

## Situation

You are back from Havana, where Castro refused any inspection on Cuban soil or from the air, though he would allow checks on the high seas. The Americans want verification before they lift the quarantine or give a pledge; the Soviets want the quarantine ended and their assurances believed. The Red Cross might inspect ships bound for Cuba for you, if all three parties consent.

You see what has been inspected or reported to you: your estimates of missiles and bombers come from visits, declarations and inspections. You do not know what Moscow may be hiding.

## Instructions

- Keep the peace: mediate when tension rises, appeal for restraint.
- Give the UN a real role in verification: propose schemes (observers on the ground, aerial inspection, inspection at sea), broker the ICRC, visit Havana — your visit counts most when Washington holds back its ships and planes.
- Certify only what your inspectors have seen: certifying the unseen costs credibility.
- Convene the Security Council to put the laggard on the record.
- Negotiate (`terms`, `propose`): you can promise a UN team or the ICRC, but only Moscow and Havana can make them happen; a broken promise costs your trust.

## Objectives and scoring (0-100)

- **Peace kept** (weight 3): low tension.
- **A real UN role in verification** (weight 3): a scheme operating, the ICRC inspecting, certifications.
- **Credibility kept** (weight 2).
- **The weapons leave peacefully** (weight 2): the missiles shipped and counted.

If the crisis turns to war, every side scores zero.
]]

B.debrief = [[
## What really happened

- **Verification (1-11 November).** No UN inspection ever took place on Cuban soil: Castro refused it, in the air and on the ground. Washington fell back on its own means: U-2s and low-level jets kept flying, and from 7 November US ships came alongside the departing Soviet freighters, whose missiles had been uncovered on deck. The Navy counted 42. *(telegram 1158, points 1, 4, 5; Kennedy letter 15 Nov)*
- **The ICRC.** Moscow accepted Red Cross observation of its inbound ships from a neutral vessel (7 November), but the scheme needed Cuba's consent and was overtaken by the end of the quarantine; it apparently never operated. *(point 3; XI-156; Fischer)*
- **The bombers.** Washington named them among the offensive weapons from 2 November; Moscow called the IL-28s obsolete until mid-November, conceded the principle around 12 November, and on 20 November Khrushchev agreed they would leave within 30 days and could be counted. They sailed in the first days of December. *(point 7; XI-151, XI-171, XI-196)*
- **The shoot-down threat.** Castro announced on 15 November that Cuba would fire on violating aircraft. Low-level flights were quietly paused (16-20 November), U-2s kept flying, a retaliation plan was drawn up, and Moscow restrained Havana. No US aircraft was fired on in November. *(point 6; XI-192)*
- **Alerts.** US forces stood at DEFCON 3 and the Strategic Air Command at DEFCON 2 from 24 October; SAC left DEFCON 2 on 15 November. DEFCON 1 was never declared. *(NSA "Crises, Alerts and DEFCONs")*
- **20-21 November.** Kennedy lifted the quarantine and restated his assurance against invasion, still on conditions; both sides lowered their alerts within a day. *(VI-80; XI-202; UPI 21 Nov)*
- **The last weeks.** On 22 November Mikoyan told the Cuban leaders the tactical nuclear warheads would go home; they were shipped in December. Mikoyan left Havana on 26 November; Washington rejected a protocol with Castro's demands, and Kennedy and Mikoyan deadlocked on inspection on 29 November. *(NSA-393; XI-212; XI-218/219)*
- **What stayed.** The SAMs and most of the Soviet troops stayed (about 4-5 thousand left by January). The non-invasion pledge was never formalized: a joint letter of 7 January 1963 closed the item at the UN. Berlin waited. *(points 8, 9; S-592; V-276; XI-263)*

Compare your game: which of these did your class change, and what did it cost?
]]

return B
