-- November 1962: every track of the game. Scenario variables that no seat sees are
-- declared hidden at the end. Tracks are the game's only memory: the rules keep nothing
-- in Lua tables between callbacks.
local T = {}

local ALL = "true"

T.list = {
  -- The escalation ladder.
  niact.track{ id = "tension", name = "Tension", group = "crisis", ladder = true,
    min = 0, max = 6, initial = 3,
    labels = { "calm", "easing", "tense", "high tension", "crisis", "brink", "war" },
    text = "The game's measure of how close the superpowers are to fighting: not a DEFCON "
        .. "level (the US alert is its own track). Readiness moves, shoot-downs, retaliation "
        .. "and incidents at sea raise it; stand-downs and mediation lower it. Nothing but "
        .. "the brink roll at a turn's end takes it from 'brink' to 'war'; a turn with no new "
        .. "escalation at crisis or above lets it fall a step. At 'war' the game ends and "
        .. "every side loses.",
    source = "telegram 1158, point 6; Dobbs" },
  niact.track{ id = "us_alert", name = "US alert (DEFCON)", group = "crisis",
    min = 0, max = 3, initial = 2,
    labels = { "alert lowered, reserves released", "DEFCON 3 (SAC off DEFCON 2)",
               "DEFCON 3, SAC at DEFCON 2", "DEFCON 2, all forces" },
    text = "The readiness of US forces. On 1 November they stood at DEFCON 3 (since 22 "
        .. "October) and the Strategic Air Command at DEFCON 2 (since 24 October); SAC left "
        .. "DEFCON 2 on 15 November (probably for DEFCON 3: the record is uncertain) and a "
        .. "general lowering was ordered on 20 November. DEFCON 1 was never declared. "
        .. "Raising or lowering readiness moves it.",
    source = "VI-80; NSA \"Crises, Alerts and DEFCONs\"; NYT 15 Nov" },

  -- Offensive weapons.
  niact.track{ id = "missiles", name = "Ballistic missiles in Cuba", group = "weapons",
    min = 0, max = 48, initial = 42,
    visible = { all = ALL, us = "estimate", un = "estimate" },
    estimate = { us = { value = 33, error = 12 }, un = { value = 30, error = 20 } },
    text = "R-12 medium-range missiles still on the island. The Soviets know the count; "
        .. "the United States and the UN only estimate it, from reconnaissance, counting at "
        .. "sea and inspection.",
    source = "S-592; Kennedy letter 15 Nov (42 counted)" },
  niact.track{ id = "missile_stage", name = "Missile removal", group = "weapons",
    min = 0, max = 5, initial = 1,
    labels = { "deployed", "being dismantled", "crated at port", "loading ships",
               "all shipped", "all counted at sea" },
    text = "How far the removal of the missiles has gone, as seen from the air and the sea. "
        .. "Dismantling began on 29 October; on 2 November Kennedy said the bases were being "
        .. "dismantled.",
    source = "XI-135; NYT 8 Nov (DoD: all known bases dismantled)" },
  niact.track{ id = "missiles_counted", name = "Missiles counted at sea", group = "weapons",
    min = 0, max = 48, initial = 0,
    text = "Missiles the US Navy has counted on the decks of departing ships. Only missiles "
        .. "shipped uncovered (or boarded, or seen by a UN inspection at sea) are counted.",
    source = "Kennedy letter 15 Nov; NYT 7-11 Nov" },
  niact.track{ id = "il28", name = "IL-28 bombers in Cuba", group = "weapons",
    min = 0, max = 48, initial = 42,
    visible = { all = ALL, us = "estimate", un = "estimate" },
    estimate = { us = { value = 38, error = 6 }, un = { value = 30, error = 20 } },
    text = "Jet bombers the United States counts among the offensive weapons. The Soviet "
        .. "Union calls them obsolete coastal defence.",
    source = "telegram 1158, point 7; S-592" },
  niact.track{ id = "il28_deal", name = "IL-28 settlement", group = "weapons",
    min = 0, max = 3, initial = 0,
    labels = { "contested", "conceded in principle", "agreed: out within 30 days",
               "leaving Cuba" },
    text = "Where the argument over the bombers stands. Only the Soviet Union can move it.",
    source = "telegram 1158, point 7; XI-171; XI-196" },
  niact.track{ id = "il28_counted", name = "IL-28s counted leaving", group = "weapons",
    min = 0, max = 48, initial = 0,
    text = "Bombers observed and counted as they leave, once agreed.",
    source = "XI-196 (\"observed and counted\"); NYT 1 Dec (Okhotsk)" },
  niact.track{ id = "tactical", name = "Tactical nuclear weapons in Cuba", group = "weapons",
    min = 0, max = 98, initial = 98,
    visible = { all = "none", ussr = ALL },
    text = "Nuclear warheads for the FKR cruise missiles (80) and the Luna rockets (12), and "
        .. "six bombs for the IL-28s. US reconnaissance photographed FKR and Luna launchers "
        .. "(six Luna transporters near Remedios on 9 November); what Washington did not know "
        .. "was that their nuclear warheads were on the island (it learned in 1992). While "
        .. "they stay, a fight over Cuba escalates faster.",
    source = "NSA-393; Dobbs; NSA EBB 397" },

  -- Air defence and the Soviet presence.
  niact.track{ id = "sams", name = "SAM sites", group = "air defence",
    min = 0, max = 24, initial = 24,
    text = "SA-2 surface-to-air missile sites, each seen by the U-2s.",
    source = "telegram 1158, point 8; S-641" },
  niact.track{ id = "sam_control", name = "Who controls the SAMs", group = "air defence",
    min = 0, max = 2, initial = 0,
    labels = { "Soviet crews", "mixed crews", "Cuban crews" },
    visible = { all = "none", ussr = ALL },
    text = "Who has his hand on the SAM firing keys. Hidden from the United States, which "
        .. "holds Moscow responsible whatever the answer.",
    source = "telegram 1158, point 6; XI-128; XI-151" },
  niact.track{ id = "sam_restraint", name = "Soviet fire restraint", group = "air defence",
    min = 0, max = 2, initial = 0,
    labels = { "none", "ordered (fading)", "strict orders in force" },
    visible = { all = "none", ussr = ALL },
    text = "Moscow's orders not to fire on reconnaissance aircraft. They fade after a turn.",
    source = "telegram 1158, point 6; Dobbs" },
  niact.track{ id = "personnel", name = "Soviet military personnel (thousands)",
    group = "air defence", min = 0, max = 60, initial = 42,
    visible = { all = ALL, us = "estimate", un = "none" },
    estimate = { us = { value = 10, error = 5 } },
    text = "Soviet servicemen on the island. Washington guessed about ten thousand; there "
        .. "were some forty-two thousand.",
    source = "telegram 1158, point 8; LA Times 1989; Russian MoD" },
  niact.track{ id = "technicians_out", name = "Personnel withdrawals announced (thousands)",
    group = "air defence", min = 0, max = 42, initial = 0,
    text = "Soviet military personnel whose departure Moscow has announced.",
    source = "S-592; NSA-393" },

  -- Verification.
  niact.track{ id = "verification", name = "Verification", group = "verification",
    min = 0, max = 100, initial = 5,
    text = "How far the removal has been verified to the satisfaction of the United States "
        .. "and the OAS: counting at sea, reconnaissance, ICRC and UN inspection. Verbal "
        .. "assurances barely move it.",
    source = "telegram 1158, points 1, 2 and 5" },
  niact.track{ id = "un_inspection", name = "UN inspection", group = "verification",
    min = 0, max = 3, initial = 0,
    labels = { "none", "proposed", "accepted by Moscow", "operating" },
    text = "A UN verification scheme: proposed by the UN or pressed by the United States, it "
        .. "needs Soviet consent, and on Cuban soil or in Cuban air Cuba's consent too.",
    source = "telegram 1158, point 4; Dorn" },
  niact.track{ id = "un_scheme", name = "UN scheme on the table", group = "verification",
    min = 0, max = 3, initial = 0,
    labels = { "none", "observers on the ground", "aerial inspection", "inspection at sea" },
    text = "Which UN verification arrangement is being discussed.",
    source = "telegram 1158, point 4; S-475" },
  niact.track{ id = "icrc", name = "ICRC inspection of incoming ships", group = "verification",
    min = 0, max = 3, initial = 1,
    labels = { "none", "proposed", "agreed by Moscow", "inspecting" },
    text = "The Red Cross acting for the UN to check ships bound for Cuba, so no weapons come "
        .. "back in. The ICRC acts only with the consent of all three parties.",
    source = "telegram 1158, point 3; Fischer; ICRC circular 15 Nov" },
  niact.track{ id = "un_certified", name = "UN certifications", group = "verification",
    min = 0, max = 5, initial = 0,
    text = "Times the Secretary-General has certified what UN or ICRC inspectors saw.",
    source = "Dorn" },

  -- Pressure on the United States.
  niact.track{ id = "quarantine", name = "Quarantine", group = "United States",
    min = 0, max = 3, initial = 2,
    labels = { "lifted", "suspended", "hail and pass", "tightened: boarding" },
    text = "The naval quarantine of Cuba. While it stands, Soviet prestige bleeds and the "
        .. "Navy can come alongside departing ships.",
    source = "telegram 1158, point 3; XI-128; VI-80" },
  niact.track{ id = "recon", name = "Reconnaissance this turn", group = "United States",
    min = 0, max = 3, initial = 2,
    labels = { "none", "high altitude (U-2)", "low level", "high and low" },
    text = "What the United States flew over Cuba in the last turn.",
    source = "telegram 1158, points 5 and 6; S-499" },
  niact.track{ id = "us_pressure", name = "US domestic pressure", group = "United States",
    min = 0, max = 100, initial = 40,
    text = "Congress, the press and the public demanding proof. Grows every turn without "
        .. "verification progress; the midterm elections fall on 6 November.",
    source = "telegram 1158, points 2 and 5; NYT" },
  niact.track{ id = "oas_support", name = "OAS support", group = "United States",
    min = 0, max = 100, initial = 80,
    text = "Latin American governments behind the US position.",
    source = "telegram 1158, points 1 and 5" },
  niact.track{ id = "retaliation", name = "Retaliation pressure", group = "United States",
    min = 0, max = 10, initial = 0,
    text = "Demands to strike back after an aircraft is fired on. Ignored, it turns into "
        .. "domestic pressure.",
    source = "telegram 1158, point 6; XI-192" },
  niact.track{ id = "shootdowns", name = "Aircraft fired on", group = "United States",
    min = 0, max = 10, initial = 0,
    text = "US reconnaissance aircraft fired on over Cuba during the game.",
    source = "telegram 1158, point 6; Dobbs" },
  niact.track{ id = "pledge", name = "Non-invasion pledge", group = "United States",
    min = 0, max = 3, initial = 1,
    labels = { "none", "conditional", "unconditional", "formal" },
    text = "The US undertaking not to invade Cuba. Kennedy's letter of 27 October gave one on "
        .. "conditions: the weapons removed under UN observation, with safeguards against "
        .. "their return. On 20-21 November he restated it in public, still conditional "
        .. "(\"while matters take their present favorable course\"). An unconditional or a "
        .. "formal pledge (a UN declaration or protocol) was never given.",
    source = "telegram 1158, point 8; XI-202; V-276" },
  niact.track{ id = "exiles", name = "Exile activity", group = "United States",
    min = 0, max = 10, initial = 3,
    visible = { all = ALL, ussr = "estimate", un = "estimate" },
    estimate = { ussr = { value = 5, error = 3 }, un = { value = 4, error = 3 } },
    text = "Anti-Castro exile groups preparing raids. Rises by itself unless restrained.",
    source = "telegram 1158, point 3; Life 16 Nov 1962" },

  -- The Soviet Union and Cuba.
  niact.track{ id = "prestige", name = "Soviet prestige", group = "Soviet Union",
    min = 0, max = 100, initial = 50,
    text = "Moscow's standing before the world and its allies. Humiliations cost it; a "
        .. "pledge, the end of the quarantine and a fair settlement restore it.",
    source = "Dobbs; NSA-393" },
  niact.track{ id = "castro_anger", name = "Castro's anger", group = "Cuba",
    min = 0, max = 10, initial = 8,
    visible = { all = ALL, us = "estimate", un = "estimate" },
    estimate = { us = { value = 6, error = 2 }, un = { value = 6, error = 2 } },
    text = "How strongly Havana resents being left out of the settlement, the overflights, "
        .. "the quarantine and the raids, which it sees as threats to Cuba's security and "
        .. "sovereignty. A resentful Havana refuses inspection and, once it has said it will "
        .. "fire on violating aircraft, may order its guns to fire.",
    source = "S-475; XI-133; Castro letter 15 Nov" },
  niact.track{ id = "cooperation", name = "Cuban cooperation", group = "Cuba",
    min = 0, max = 10, initial = 1,
    text = "Cuba's willingness to allow anything on its soil. UN ground or air inspection "
        .. "needs 6 or more; the ICRC needs 4.",
    source = "telegram 1158, point 4; S-475; Fischer" },

  -- The United Nations.
  niact.track{ id = "un_credibility", name = "UN credibility", group = "United Nations",
    min = 0, max = 100, initial = 50,
    text = "The Secretary-General's standing as an honest broker.",
    source = "Dorn" },
  niact.track{ id = "wider_talks", name = "Wider talks (Berlin, disarmament)",
    group = "United Nations", min = 0, max = 1, initial = 0, labels = { "closed", "open" },
    text = "Whether talks beyond Cuba have opened. Raising them before the missiles are on "
        .. "their way home costs whoever does it.",
    source = "telegram 1158, point 9; XI-127" },

  -- Scenario variables: seen by no seat.
  niact.track{ id = "verif_last", text = "Verification at the end of the last turn, to measure progress (point 2).",
    source = "telegram 1158, point 2", name = "Verification at the last turn end", hidden = true,
    min = 0, max = 100, initial = 5 },
  niact.track{ id = "il28_pressure", text = "How hard Washington is pressing on the bombers; at 8 it becomes a charge of non-compliance.",
    source = "telegram 1158, point 7; CIA memo 13 Nov (CREST)", name = "Pressure on the IL-28s", hidden = true,
    min = 0, max = 10, initial = 0 },
  niact.track{ id = "il28_agreed_turn", text = "The turn the bombers were agreed out; they start leaving three turns later.",
    source = "XI-196; NYT 1 Dec", name = "Turn the IL-28s were agreed", hidden = true,
    min = 0, max = 99, initial = 0 },
  niact.track{ id = "unanswered", text = "Shoot-downs the United States has not yet answered; retaliation is possible while above 0.",
    source = "telegram 1158, point 6", name = "Shoot-downs not yet answered", hidden = true,
    min = 0, max = 10, initial = 0 },
  niact.track{ id = "shipped_now", text = "Missiles loaded this turn.",
    source = "telegram 1158, point 1", name = "Missiles shipped this turn", hidden = true,
    min = 0, max = 48, initial = 0 },
  niact.track{ id = "uninspected_now", text = "Missiles shipped covered this turn; a UN inspection at sea can still count them.",
    source = "telegram 1158, point 4", name = "Uncounted ships this turn", hidden = true,
    min = 0, max = 48, initial = 0 },
  niact.track{ id = "bargains", text = "Mikoyan's sessions with Castro; after three, conceding the bombers no longer angers Havana.",
    source = "NSA-393; Castro letter 19 Nov (FBIS)", name = "Mikoyan's sessions with Castro", hidden = true,
    min = 0, max = 20, initial = 0 },
  niact.track{ id = "icrc_broken", text = "Washington said it would push the ICRC without Cuba.",
    source = "telegram 1158, point 3", name = "ICRC pushed without Cuba", hidden = true,
    min = 0, max = 1, initial = 0 },
  niact.track{ id = "appeal", text = "The Secretary-General's appeal for restraint is in force this turn.",
    source = "Dorn", name = "Secretary-General's appeal in force", hidden = true,
    min = 0, max = 1, initial = 0 },
  niact.track{ id = "tension_last", text = "Tension at the end of the last turn: the brink roll needs a full turn at the brink.",
    source = "telegram 1158, point 6", name = "Tension at the last turn end", hidden = true,
    min = 0, max = 6, initial = 3 },
  niact.track{ id = "protocols", text = "Times Moscow has demanded a protocol.",
    source = "XI-212", name = "Protocol demands", hidden = true, min = 0, max = 20, initial = 0 },
  niact.track{ id = "last_fire", text = "What fired last: 1 Cuban guns, 2 a SAM site.",
    source = "telegram 1158, point 6", name = "Last to fire", hidden = true,
    min = 0, max = 2, initial = 0 },
  niact.track{ id = "threat_turn", text = "The turn Castro said Cuba would fire on violating aircraft (0 if not yet).",
    source = "Castro letter 15 Nov; XI-192", name = "Turn of Castro's threat to fire", hidden = true,
    min = 0, max = 99, initial = 0 },
  niact.track{ id = "icrc_ready_turn", text = "The turn the ICRC scheme, agreed by all three, could start: a neutral ship and about thirty inspectors take weeks to find (0 if not agreed).",
    source = "Fischer; ICRC circular 15 Nov", name = "Turn the ICRC could start", hidden = true,
    min = 0, max = 99, initial = 0 },
  niact.track{ id = "settled_turn", text = "The turn the settlement was reached (0 if not yet); the game then plays the record's last weeks as an epilogue.",
    source = "XI-196; XI-212; NSA-393", name = "Turn of the settlement", hidden = true,
    min = 0, max = 99, initial = 0 },
  niact.track{ id = "charges", text = "Times Washington has formally charged Moscow (non-compliance over the bombers, stalling on the removal): the record has none.",
    source = "CIA memo 13 Nov (CREST)", name = "Formal charges", hidden = true,
    min = 0, max = 20, initial = 0 },
  niact.track{ id = "bargain_due", text = "The bombers are agreed out and the missiles gone since an earlier turn: the quarantine is due to be lifted (XI-173).",
    source = "XI-173", name = "Quarantine due to be lifted", hidden = true,
    min = 0, max = 1, initial = 0 },
  niact.track{ id = "assurances", text = "Times Moscow has given verbal assurances.",
    source = "telegram 1158, point 2", name = "Verbal assurances given", hidden = true,
    min = 0, max = 20, initial = 0 },
  niact.track{ id = "ussr_readiness", text = "Soviet and Warsaw Pact readiness measures (announced 23 October) still in force: Moscow can stand down while they are.",
    source = "UPI 21 Nov", name = "Soviet readiness measures in force", hidden = true,
    min = 0, max = 1, initial = 1 },
  niact.track{ id = "icrc_pressed", text = "Times Washington has pressed for the ICRC scheme.",
    source = "telegram 1158, point 3", name = "ICRC pressed", hidden = true,
    min = 0, max = 20, initial = 0 },
  niact.track{ id = "un_reports", text = "Times the Secretary-General has reported to the Council, backed by inspection or not (five at most).",
    source = "Dorn", name = "UN reports to the Council", hidden = true,
    min = 0, max = 5, initial = 0 },
  niact.track{ id = "lift_turn", text = "The turn the quarantine was lifted (0 if never).",
    source = "XI-196", name = "Turn the quarantine was lifted", hidden = true,
    min = 0, max = 99, initial = 0 },
}

return T
