-- The record's turning points (history.md, section 4), for the debrief: what happened
-- in 1962 and when, a question for the class, and how the debrief finds the moment in a
-- game (the first turn a track reached a value, or an action was ordered).
local T = {}

local function tp(t) return niact.turning_point(t) end

T.list = {
  tp{ id = "verification_impasse", name = "UN verification on the ground",
    date = "never (refused 30 Oct-1 Nov)", track = "un_inspection", at_least = 3,
    text = "Castro refused any inspection on Cuban soil or from the air. Washington fell back "
        .. "on its own means: aerial reconnaissance and counting at sea.",
    prompt = "What would Havana have needed to accept inspectors? Could anyone have offered it?",
    source = "S-475; XI-133; Dorn" },
  tp{ id = "low_flights", name = "Low-level flights despite the risk",
    date = "1 Nov", action = "recon_low", roles = { "us" },
    text = "Six low-level flights were authorized for 1 November, with orders not to "
        .. "retaliate that day if one was hit.",
    prompt = "Why fly low when U-2s could photograph from safety? What did each pass cost?",
    source = "XI-131; telegram 1158, point 6" },
  tp{ id = "boarding", name = "Boarding Bloc ships",
    date = "never (hail and pass to 20 Nov)", track = "quarantine", at_least = 3,
    text = "The Navy was ordered to hail Bloc ships, not to board them.",
    prompt = "What would boarding have gained, and what could it have started?",
    source = "XI-135; XI-128" },
  tp{ id = "il28_principle", name = "The IL-28s conceded in principle",
    date = "about 12 Nov", track = "il28_deal", at_least = 1,
    text = "Washington counted the bombers as offensive weapons from 2 November; Moscow "
        .. "called them obsolete, then conceded the principle around 12 November.",
    prompt = "Were the IL-28s 'offensive weapons'? Who had the better argument, and why did it matter?",
    source = "telegram 1158, point 7; XI-151; XI-171" },
  tp{ id = "counted_at_sea", name = "All 42 missiles counted at sea",
    date = "7-11 Nov", track = "missiles_counted", at_least = 42,
    text = "Soviet freighters sailed with the missiles uncovered on deck; US ships came "
        .. "alongside and counted 42, some after hours of stalling.",
    prompt = "Is counting from alongside a ship 'verification'? What could it not prove?",
    source = "Kennedy letter 15 Nov; NYT 9 Nov; XI-156" },
  tp{ id = "icrc", name = "ICRC inspection of incoming ships",
    date = "never (agreed in principle, overtaken)", track = "icrc", at_least = 3,
    text = "Moscow accepted Red Cross observation from a neutral ship on 7 November; the "
        .. "scheme needed Cuba's consent and was overtaken by the end of the quarantine.",
    prompt = "Why did a scheme everyone accepted in principle never start?",
    source = "XI-156; Fischer; ICRC circular 15 Nov" },
  tp{ id = "bombers_agreed", name = "The bombers agreed out with a timetable",
    date = "20 Nov", track = "il28_deal", at_least = 2,
    text = "After Robert Kennedy's offer of 12 November (the quarantine lifted at once for "
        .. "the IL-28s out within 30 days), Khrushchev agreed on 20 November.",
    prompt = "Who gave what in the trade of 12-20 November? Was it a fair bargain?",
    source = "XI-173; XI-196" },
  tp{ id = "quarantine_lifted", name = "The quarantine lifted",
    date = "20 Nov", track = "quarantine", at_most = 0,
    text = "Kennedy lifted the quarantine the evening Khrushchev agreed to the bombers' "
        .. "removal, and restated his assurance, on its conditions.",
    prompt = "Why lift the quarantine before the bombers had actually left?",
    source = "XI-196; press conference 20 Nov" },
  tp{ id = "escalation_menu", name = "A formal charge against Moscow",
    date = "never (not needed)", track = "charges", at_least = 1,
    text = "On 13 November the ExComm listed what it would do if the bombers stayed: an "
        .. "OAS meeting, a charge of non-compliance, economic measures, a tighter quarantine.",
    prompt = "Would a public charge have moved Moscow faster, or made it dig in?",
    source = "CIA memo 13 Nov (CREST)" },
  tp{ id = "fired_on", name = "A US aircraft fired on",
    date = "never in November", track = "shootdowns", at_least = 1,
    text = "After Castro's warning of 15 November, low-level flights were quietly paused "
        .. "(16-20 Nov), U-2s kept flying, a retaliation plan was ready, and Moscow "
        .. "restrained Havana.",
    prompt = "Who decided whether a plane would be fired on: Havana, Moscow, or Washington by flying?",
    source = "XI-192; Castro letter 15 Nov; telegram 1158, point 6" },
  tp{ id = "stand_down", name = "Alerts lowered",
    date = "20-21 Nov", track = "us_alert", at_most = 0,
    text = "SAC left DEFCON 2 on 15 November; on 20 November a general lowering was "
        .. "ordered, and Moscow and the Warsaw Pact stood down the next day.",
    prompt = "Why did both sides lower their alerts within a day of each other?",
    source = "VI-80; UPI 21 Nov; NSA \"Crises, Alerts and DEFCONs\"" },
  tp{ id = "tactical_out", name = "The tactical warheads gone",
    date = "December", track = "tactical", at_most = 0,
    text = "On 22 November Mikoyan told the Cuban leaders the tactical nuclear warheads "
        .. "would leave; they were shipped in December. Washington did not know they had "
        .. "been there.",
    prompt = "How would the US team have played had it known about the warheads?",
    source = "NSA-393; Miami Herald 1998" },
  tp{ id = "formal_pledge", name = "A formal non-invasion pledge",
    date = "never", track = "pledge", at_least = 3,
    text = "The US would not drop its reservation on overflights or accept Castro's points; "
        .. "Moscow would not accept any hint of a right to overfly. A minimal joint letter "
        .. "(7 January 1963) closed the item.",
    prompt = "Did Cuba end up more secure without a formal pledge, or less?",
    source = "XI-212; XI-218/219; V-276; XI-263" },
  tp{ id = "sams_out", name = "SAMs withdrawn",
    date = "never (the SA-2s stayed)", track = "sams", at_most = 18,
    text = "Telegram 1158 also wanted the SAMs and technicians out, but it was not pressed: "
        .. "the SAMs stayed, and only about 4-5 thousand troops had left by January.",
    prompt = "Why did Washington let this demand drop?",
    source = "telegram 1158, point 8; S-592" },
  tp{ id = "linkage", name = "Berlin raised",
    date = "never in November", action = "raise_berlin",
    text = "Kennedy refused to talk of Berlin or disarmament until the Cuban weapons were "
        .. "on their way home; broader talks came only after the Cuba item closed.",
    prompt = "Why keep Cuba apart from Berlin? Who would have gained from linking them?",
    source = "telegram 1158, point 9; XI-127" },
}

return T
