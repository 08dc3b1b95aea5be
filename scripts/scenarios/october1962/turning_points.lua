-- The record's turning points, for `niact debrief`.
local T = {}
local function tp(t) return niact.turning_point(t) end

T.list = {
  tp{ id = "going_public", name = "The crisis made public", date = "22 Oct",
    track = "public", at_least = 1,
    text = "Six days of secret deliberation, then the President's address of 22 October.",
    prompt = "What did the six secret days buy Washington? What would a leak have cost?",
    source = "Address 22 Oct; Tapes" },
  tp{ id = "strike_chosen", name = "An air strike", date = "never",
    action = "air_strike", roles = { "us" },
    text = "The Joint Chiefs pressed for one; the President chose the quarantine, told the "
        .. "Air Force could not promise to destroy every missile.",
    prompt = "What would the strike have started, given the weapons Washington did not know about?",
    source = "Tapes (19 Oct); RFK (21 Oct)" },
  tp{ id = "quarantine_in_force", name = "The quarantine in force", date = "24 Oct",
    track = "quarantine", at_least = 2,
    text = "Proclaimed on 23 October, in force at 10 a.m. on the 24th.",
    prompt = "Why a 'quarantine' and not a 'blockade'?",
    source = "Proclamation 3504" },
  tp{ id = "ships_turned", name = "The ships turn back", date = "23-24 Oct",
    track = "irbm_ships", at_most = 0,
    text = "Khrushchev ordered most ships home on 23 October; the Navy saw them turn on the 24th.",
    prompt = "Who blinked, and why then?",
    source = "F&N; Dobbs" },
  tp{ id = "fired_on", name = "A US aircraft fired on", date = "27 Oct",
    track = "fired_on", at_least = 1,
    text = "A SAM crew shot down Major Anderson's U-2 without Moscow's authorization; "
        .. "Cuban guns fired on low-level jets. Kennedy did not retaliate.",
    prompt = "Who controlled the trigger in Cuba: Moscow, Havana, or a local commander?",
    source = "Dobbs" },
  tp{ id = "jupiters_secret", name = "The Jupiters, in secret", date = "27 Oct",
    track = "jupiters", at_least = 1,
    text = "Robert Kennedy told Dobrynin the Jupiters would go within months, if nothing "
        .. "was said.",
    prompt = "Was a secret trade honest? Whom did the secrecy protect?",
    source = "RFK; NSA Jupiter EBB 2023" },
  tp{ id = "missiles_out", name = "The missiles ordered out", date = "28 Oct",
    track = "removal", at_least = 2,
    text = "Radio Moscow broadcast Khrushchev's acceptance on the morning of 28 October.",
    prompt = "Why did Khrushchev accept so fast, and without asking Castro?",
    source = "NSK 28 Oct; Dorn" },
}

return T
