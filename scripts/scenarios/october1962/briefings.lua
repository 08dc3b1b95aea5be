-- Each seat's opening briefing (Markdown) and the debrief text. Every fact is in
-- sources.md.
local B = {}

B.us = [[
# Briefing: the United States

*The White House, Tuesday 16 October 1962, morning.*

## Situation

U-2 photographs taken on Sunday show Soviet medium-range ballistic missile sites going up near San Cristobal, in western Cuba. From there R-12 missiles reach Washington. In September the President warned in public that offensive weapons in Cuba would raise the gravest issues; Moscow says its aid is defensive. Nobody outside a small circle knows what you know, and the Soviets do not know you know it.

You see estimates, not the truth: how many launchers could fire is what the photographs say, with an error bar that grows as they age. You do not know how many Soviet troops are on the island (your analysts say about ten thousand) nor what else they brought.

## Your choices

Each turn you have 3 action points. Fly U-2s (and, once the crisis is public, low-level jets). Ready the strike and invasion forces: an air strike needs readiness 4, an invasion 9, and the Air Force will not promise to destroy every missile. Or speak to the nation and proclaim a quarantine (2 points): the crisis becomes public. If you have not spoken by 22 October the newspapers will. Then: the OAS, the Security Council, the alert, boarding a ship at the line, a promise not to invade, a private talk with Ambassador Dobrynin, the Jupiters in Turkey.

Negotiate (`terms`, `propose`): a promise not to invade, the Jupiters in secret, no boarding, no low-level flights are yours to give; the missiles out, the work halted, the ships kept back, Cuba's guns silent are what to ask for.

## Objectives and scoring (0-100)

- **The missiles out** (weight 4): ordered dismantled 100, work halted 40.
- **No trade over the allies' heads** (weight 2): the Jupiters and allied confidence.
- **Calm at home and in the hemisphere** (weight 2).
- **A free hand in Cuba** (weight 1): the less you pledge, the better.

If the crisis turns to war, every side scores zero.
]]

B.ussr = [[
# Briefing: the Soviet Union

*Moscow, 16 October 1962. For the Presidium.*

## Situation

Operation Anadyr is almost done. Three regiments of R-12 missiles are setting up their launchers in Cuba; the R-14s are still at sea. Some 42,000 Soviet servicemen are on the island, with about 98 tactical nuclear weapons the Americans know nothing about. Four submarines, each with a nuclear torpedo, are heading for the Caribbean. The plan is to reveal the missiles after the American elections in November, as a fact.

You see the truth on the island. You see American preparations only through estimates.

## Your choices

Each turn you have 3 action points: rush the sites and camouflage them; stop the ships or let them sail; order that no one fires without Moscow's word (the orders fade); once the crisis is public, denounce the quarantine, threaten Berlin, send out feelers, write to Kennedy (the missiles for a pledge; or for the Jupiters too, broadcast), halt the work, and in the end order the missiles out. Consult Havana, or bargain over its head.

Negotiate (`terms`, `propose`): the missiles out, the work halted, the ships kept back are yours to give; a promise not to invade, the Jupiters, no boarding are what to ask for.

## Objectives and scoring (0-100)

- **No humiliation** (weight 3): Soviet prestige.
- **Cuba safe from invasion** (weight 3): the pledge.
- **The Jupiters out of Turkey** (weight 2).
- **Keep Havana's trust** (weight 1), **the missiles in place** (weight 1).

If the crisis turns to war, every side scores zero.
]]

B.cuba = [[
# Briefing: Cuba

*Havana, 16 October 1962. For Prime Minister Fidel Castro.*

## Situation

Eighteen months after the Bay of Pigs, Havana expects another attack. The Soviet missiles are Cuba's shield: Moscow's regiments are installing them now, with other weapons Washington has never seen. Cuba can put about 270,000 men and women under arms. But the missiles are Soviet; the decisions over them are taken in Moscow, and Havana is told afterwards.

You see the truth on the island and estimates of the American build-up.

## Your choices

Each turn you have 2 action points: mobilize (alert, then the combat alarm), speak to the world, and once the crisis is public order the guns to fire on low-flying American aircraft (or to hold fire), urge Moscow to stand firm, state Cuba's terms, receive the Secretary-General.

Negotiate (`terms`, `propose`): silence for Cuba's guns and a visit by U Thant are yours to give; a promise not to invade, no low-level flights are what to ask for.

## Objectives and scoring (0-100)

- **No invasion** (weight 3): the pledge, and the American build-up kept low.
- **Cuba heard** (weight 2), **treated as an ally** (weight 2).
- **The deterrent kept** (weight 1).

If the crisis turns to war, every side scores zero.
]]

B.un = [[
# Briefing: the United Nations

*New York, 16 October 1962. For the Acting Secretary-General, U Thant.*

## Situation

A year in office after Hammarskjold's death. The great powers tell you nothing. Until the crisis is public you can only listen; once it is, the Security Council will meet and the world will look to you.

## Your choices

Each turn you have 2 action points: sound out the delegations; once the crisis is public, open the Council debate, appeal for a standstill of shipments and quarantine, mediate, and offer UN observers to verify a removal.

Negotiate (`terms`, `propose`): you give nothing but your good offices; you may ask for a standstill, a halt to the work, a visit to Havana.

## Objectives and scoring (0-100)

- **Peace kept** (weight 3), **a UN standstill** (weight 2), **credibility** (weight 2).

If the crisis turns to war, every side scores zero.
]]

B.debrief = [[
# Debrief: October 1962

On 28 October Khrushchev announced that the missiles would be dismantled and returned, in exchange for Kennedy's conditional promise not to invade Cuba and, in secret, the Jupiters in Turkey. Havana heard it on the radio. No one fired a nuclear weapon, though on 27 October a U-2 was shot down over Cuba, another strayed over the Soviet Union and a Soviet submarine was forced to the surface.

Compare your game: when did the crisis become public, and who chose the moment? Did anyone strike? Was Cuba consulted? What did each side give, and was any of it public?
]]

return B
