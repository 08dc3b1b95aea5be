-- October 1962: every track of the game. Tracks are the game's only memory; scenario
-- variables that no seat sees are declared hidden at the end. Source keys are explained
-- in sources.md (this folder).
local T = {}

T.list = {
  -- The crisis.
  niact.track{ id = "tension", name = "Tension", group = "crisis", ladder = true,
    min = 0, max = 6, initial = 2,
    labels = { "calm", "uneasy", "tense", "high tension", "crisis", "brink", "war" },
    text = "How close the two powers are to fighting. Public moves, incidents at sea, "
        .. "shoot-downs and strikes raise it; letters, stand-downs and mediation lower it. "
        .. "Only the brink roll at a turn's end takes it from 'brink' to 'war'.",
    source = "Dobbs; RFK" },
  niact.track{ id = "public", name = "The crisis", group = "crisis",
    min = 0, max = 1, initial = 0, labels = { "secret", "public" },
    text = "Whether the world knows the missiles are in Cuba. Until the United States "
        .. "speaks (or the story leaks) the UN and the public are outside the crisis.",
    source = "Address 22 Oct; Dobbs" },
  niact.track{ id = "us_alert", name = "US alert (DEFCON)", group = "crisis",
    min = 0, max = 3, initial = 0,
    labels = { "peacetime readiness", "DEFCON 3", "DEFCON 3, SAC at DEFCON 2",
               "DEFCON 2, all forces" },
    text = "The readiness of US forces: DEFCON 3 from 22 October, the Strategic Air Command "
        .. "at DEFCON 2 from 24 October. DEFCON 1 was never declared.",
    source = "NSA \"Crises, Alerts and DEFCONs\"" },

  -- The weapons.
  niact.track{ id = "sites_ready", name = "MRBM launchers ready to fire", group = "weapons",
    min = 0, max = 24, initial = 0,
    visible = { all = "true", us = "estimate", un = "none" },
    estimate = { us = { value = 0, error = 4 } },
    text = "R-12 launchers (three regiments of eight) that could fire within hours. Soviet "
        .. "crews work day and night; the United States knows only what its photographs "
        .. "show. By 27 October the CIA judged the medium-range sites operational.",
    source = "Dobbs; Dobbs" },
  niact.track{ id = "removal", name = "The missile sites", group = "weapons",
    min = 0, max = 2, initial = 0,
    labels = { "building", "work halted", "ordered dismantled" },
    text = "Whether Moscow goes on building, halts the work (as U Thant asked), or orders "
        .. "the missiles dismantled, crated and returned, as Khrushchev did on 28 October.",
    source = "NSK 28 Oct; Dorn" },
  niact.track{ id = "irbm_ships", name = "Ships bound for Cuba", group = "weapons",
    min = 0, max = 2, initial = 2,
    labels = { "turned back", "holding at sea", "sailing for Cuba" },
    text = "Soviet ships still at sea with military cargo, among them R-14 missiles that "
        .. "never arrived. On 23 October Khrushchev ordered most of them home; the Navy "
        .. "saw them stop and turn on the 24th.",
    source = "Dobbs; Russian MoD; F&N; Dobbs" },
  niact.track{ id = "tactical", name = "Tactical nuclear weapons in Cuba", group = "weapons",
    min = 0, max = 98, initial = 98,
    visible = { all = "none", ussr = "true", cuba = "true" },
    text = "Warheads for the FKR cruise missiles and Luna rockets and bombs for the IL-28s, "
        .. "about 98 in all. Washington did not know they were there (it learned in 1992). "
        .. "An invasion that meets them may not stay conventional.",
    source = "NSA-393; Dobbs" },

  -- The United States.
  niact.track{ id = "quarantine", name = "Quarantine", group = "United States",
    min = 0, max = 2, initial = 0,
    labels = { "none", "proclaimed", "in force" },
    text = "The naval quarantine of offensive weapons bound for Cuba: announced on 22 "
        .. "October, proclaimed on the 23rd, in force from 10 a.m. on the 24th.",
    source = "Address 22 Oct; Proclamation 3504" },
  niact.track{ id = "build_up", name = "Invasion forces ready", group = "United States",
    min = 0, max = 10, initial = 1,
    visible = { all = "true", ussr = "estimate", cuba = "estimate", un = "none" },
    estimate = { ussr = { value = 1, error = 2 }, cuba = { value = 2, error = 2 } },
    text = "How far the air strike and invasion plans have been readied: aircraft, ships "
        .. "and divisions moved to the south-east. An air strike needs 4, an invasion 9.",
    source = "Dobbs; Tapes" },
  niact.track{ id = "us_pressure", name = "US domestic pressure", group = "United States",
    min = 0, max = 100, initial = 40,
    text = "Congress, the press and the public demanding action. Senator Keating had "
        .. "charged since August that the Soviets were arming Cuba; midterm elections fall "
        .. "on 6 November.",
    source = "Dobbs; Tapes (congressional leaders, 22 Oct)" },
  niact.track{ id = "oas_support", name = "OAS support", group = "United States",
    min = 0, max = 100, initial = 50,
    text = "Latin American governments behind the US position. On 23 October the OAS "
        .. "Council backed the quarantine without a dissenting vote.",
    source = "OAS 23 Oct" },
  niact.track{ id = "nato", name = "Allied confidence", group = "United States",
    min = 0, max = 100, initial = 70,
    text = "NATO's trust that Washington will not trade its allies' security for its own. "
        .. "A public trade of the Jupiters in Turkey would shake it.",
    source = "Tapes (27 Oct); Dobbs" },
  niact.track{ id = "fired_on", name = "US aircraft fired on", group = "United States",
    min = 0, max = 10, initial = 0,
    text = "Reconnaissance aircraft fired on over Cuba in the game. On 27 October a SAM "
        .. "shot down Major Anderson's U-2 and Cuban guns fired on low-level jets.",
    source = "Dobbs; Dobbs" },

  -- The bargain.
  niact.track{ id = "offer", name = "Soviet offer", group = "the bargain",
    min = 0, max = 2, initial = 0,
    labels = { "none", "missiles for a pledge", "missiles for a pledge and the Jupiters" },
    text = "What Moscow has offered: the missiles out for a promise not to invade (the "
        .. "private letter of 26 October), or for that and the Jupiters in Turkey (the "
        .. "broadcast of 27 October).",
    source = "NSK 26 Oct; NSK 27 Oct" },
  niact.track{ id = "pledge", name = "Non-invasion pledge", group = "the bargain",
    min = 0, max = 2, initial = 0,
    labels = { "none", "conditional, by letter", "public and unconditional" },
    text = "The US promise not to invade Cuba. Kennedy's letter of 27 October gave it on "
        .. "conditions (the weapons removed under UN observation); it was never made "
        .. "formal.",
    source = "JFK 27 Oct; V-276" },
  niact.track{ id = "jupiters", name = "Jupiters in Turkey", group = "the bargain",
    min = 0, max = 2, initial = 0,
    labels = { "staying", "promised out in secret", "traded in public" },
    text = "The fifteen Jupiter missiles in Turkey. Robert Kennedy told Dobrynin on 27 "
        .. "October they would go within months, on condition that nothing be said; the "
        .. "last came down on 24 April 1963.",
    source = "RFK; Dobbs; NSA Jupiter EBB 2023" },
  niact.track{ id = "channel", name = "Back channel", group = "the bargain",
    min = 0, max = 2, initial = 0,
    labels = { "closed", "feelers (Scali and Fomin)", "open (Robert Kennedy and Dobrynin)" },
    text = "Private talks beside the public letters. Secret promises need an open channel.",
    source = "F&N; RFK" },

  -- The Soviet Union.
  niact.track{ id = "prestige", name = "Soviet prestige", group = "Soviet Union",
    min = 0, max = 100, initial = 55,
    text = "Moscow's standing before the world and its allies. Backing down in public "
        .. "costs it; a pledge, a trade and a fair hearing restore it.",
    source = "F&N; Dobbs" },
  niact.track{ id = "restraint", name = "Moscow's orders to hold fire", group = "Soviet Union",
    min = 0, max = 2, initial = 0,
    labels = { "none", "ordered (fading)", "strict orders in force" },
    visible = { all = "none", ussr = "true" },
    text = "Orders from Moscow that no one in Cuba fires without its word. The U-2 was shot "
        .. "down on 27 October by local commanders without Moscow's authorization.",
    source = "Dobbs; F&N" },

  -- Cuba.
  niact.track{ id = "mobilization", name = "Cuban mobilization", group = "Cuba",
    min = 0, max = 2, initial = 0,
    labels = { "peacetime", "alert", "combat alarm" },
    text = "Cuba's forces: about 270,000 under arms at full mobilization. Castro sounded the "
        .. "combat alarm on 22 October before Kennedy spoke; 50 anti-aircraft batteries "
        .. "were mobilized on the 24th.",
    source = "LA Times 1989; Castro to Khrushchev 28 Oct; Dobbs" },
  niact.track{ id = "aa_orders", name = "Cuban anti-aircraft orders", group = "Cuba",
    min = 0, max = 1, initial = 0, labels = { "hold fire", "fire on low-flying aircraft" },
    visible = { all = "none", cuba = "true", ussr = "true" },
    text = "Castro ordered Cuban batteries to fire on low-flying US aircraft from 27 "
        .. "October. Washington learns it when they fire.",
    source = "Dobbs" },
  niact.track{ id = "havana_trust", name = "Havana's trust in Moscow", group = "Cuba",
    min = 0, max = 10, initial = 7,
    visible = { all = "true", us = "estimate", un = "estimate" },
    estimate = { us = { value = 8, error = 2 }, un = { value = 8, error = 2 } },
    text = "How far Castro trusts Khrushchev. A bargain struck over Cuba's head (Castro "
        .. "heard of the 28 October acceptance on the radio) costs it.",
    source = "Dobbs; NSA-393; Dobbs" },
  niact.track{ id = "cuba_voice", name = "Cuba's voice", group = "Cuba",
    min = 0, max = 100, initial = 30,
    text = "How far the world hears Cuba's own case: sovereignty, the threat of invasion, "
        .. "the raids from Florida.",
    source = "S-475" },

  -- The United Nations.
  niact.track{ id = "un_credibility", name = "UN credibility", group = "United Nations",
    min = 0, max = 100, initial = 40,
    text = "The Acting Secretary-General's standing as an honest broker.",
    source = "Dorn" },
  niact.track{ id = "standstill", name = "U Thant's standstill", group = "United Nations",
    min = 0, max = 2, initial = 0,
    labels = { "none", "proposed", "accepted" },
    text = "U Thant's appeal of 24 October: Soviet shipments and the quarantine suspended "
        .. "for two or three weeks while they talk. Accepted once both powers hold back.",
    source = "Dorn; Dorn" },

  -- Scenario variables: seen by no seat.
  niact.track{ id = "tension_last", name = "Tension at the last turn end", hidden = true,
    min = 0, max = 6, initial = 2, source = "game rule",
    text = "The brink roll needs a full turn at the brink." },
  niact.track{ id = "public_turn", name = "Turn the crisis became public", group = "crisis",
    min = 0, max = 99, initial = 0, source = "Address 22 Oct",
    text = "0 while it is secret; in the record, turn 7 (22 October). The quarantine takes "
        .. "effect at the end of the second turn after." },
  niact.track{ id = "camouflaged", name = "Sites camouflaged this turn", hidden = true,
    min = 0, max = 1, initial = 0, source = "game rule",
    text = "1 while this turn's photographs are taken of camouflaged sites." },
  niact.track{ id = "unanswered", name = "Shoot-downs not answered", hidden = true,
    min = 0, max = 10, initial = 0, source = "game rule",
    text = "Aircraft fired on that Washington has not answered; retaliation is possible while above 0." },
  niact.track{ id = "settled_turn", name = "Turn of the settlement", hidden = true,
    min = 0, max = 99, initial = 0, source = "game rule",
    text = "The turn Moscow ordered the missiles out (0 if not yet)." },
  niact.track{ id = "struck", name = "Air strikes flown", hidden = true,
    min = 0, max = 20, initial = 0, source = "Tapes; Dobbs",
    text = "Air strikes on the missile sites (the record has none)." },
  niact.track{ id = "invaded", name = "Invasion launched", hidden = true,
    min = 0, max = 1, initial = 0, source = "Dobbs",
    text = "1 once US forces have landed in Cuba (the record: never)." },
  niact.track{ id = "consulted", name = "Times Moscow consulted Havana", hidden = true,
    min = 0, max = 20, initial = 0, source = "Dobbs",
    text = "Consultations through Ambassador Alekseev." },
}

return T
