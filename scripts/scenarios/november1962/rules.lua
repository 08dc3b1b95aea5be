-- The standing rules: the telegram's points that act every turn, the removal and
-- counting of weapons, the inspections in operation, Cuba's reactions and the ladder.
-- Each is declared as an event that fires every turn (after the dated and random events,
-- in this order), so `niact rules` lists it with its source. The turn-end hook only
-- clears what lasts one turn.
local C = require("common")
local cuba = require("cuba")
local R = {}

local function tp(n) return "telegram 1158, point " .. n end

-- Inspections in operation verify and observe (points 3 and 4).
local function inspections(state)
  if state:get("un_inspection") == 3 then
    local scheme = state:get("un_scheme")
    local err = scheme == 1 and 1 or scheme == 2 and 3 or 4
    for _, role in ipairs({ "us", "un" }) do
      C.observe(state, role, "missiles", err)
      C.observe(state, role, "il28", err)
    end
    if scheme == 1 then C.observe(state, "us", "personnel", 4) end
    C.verify(state, scheme == 1 and 12 or scheme == 2 and 8 or 4, 100)
    if scheme == 3 and state:get("uninspected_now") > 0 then
      state:add("missiles_counted", state:get("uninspected_now"))
      C.verify(state, state:get("uninspected_now"), 100)
      state:log("UN inspectors at sea count the covered missiles on departing ships.")
    end
  end
  local ready = state:get("icrc_ready_turn")
  if state:get("icrc") == 2 and ready > 0 and state:turn() >= ready then
    state:set("icrc_ready_turn", 0)
    if state:get("quarantine") == 0 then
      state:log("The ICRC scheme for ships bound for Cuba, agreed in principle, is overtaken "
        .. "by the end of the quarantine and never starts.")
    else
      state:set("icrc", 3)
      state:add("un_credibility", 3)
      state:log("ICRC inspectors, acting for the UN, begin checking ships bound for Cuba from "
        .. "a neutral ship.")
    end
  end
  if state:get("icrc") == 3 then
    if state:get("quarantine") == 0 then
      state:set("icrc", 2)
      state:log("With the quarantine lifted, the ICRC inspection of incoming ships lapses.")
    else
      C.verify(state, 3, 100)
      state:add("us_pressure", -2)
    end
  end
end

-- The missiles' stage and the bombers' departure.
local function removal(state)
  if state:get("missiles") == 0 and state:get("missile_stage") < 4 then
    state:set("missile_stage", 4)
    state:log("The last Soviet ballistic missile has left Cuba.")
  end
  if state:get("missile_stage") == 4 and state:get("missiles_counted") >= 42 then
    state:set("missile_stage", 5)
  end
  local agreed = state:get("il28_agreed_turn")
  if state:get("il28_deal") >= 2 and agreed > 0 and state:turn() >= agreed + 4
     and state:get("il28") > 0 then
    local n = math.min(21, state:get("il28"))
    state:add("il28", -n)
    state:add("il28_counted", n)
    state:set("il28_deal", 3)
    C.observe(state, "us", "il28", 1)
    C.observe(state, "un", "il28", 2)
    state:log("Soviet freighters sail with " .. n .. " IL-28 bombers on deck; US aircraft "
      .. "photograph and count them.")
  end
end

-- Point 7: ignored long enough, the bomber demand escalates.
local function bombers(state)
  if state:get("il28_deal") ~= 0 then return end
  if state:turn() >= 3 then state:add("il28_pressure", 1) end
  -- The ExComm drew up its menu (OAS, a charge of non-compliance, a tighter quarantine)
  -- on 13 November: no charge before the turn after it.
  if state:get("il28_pressure") >= 8 and state:turn() >= 6 then
    state:add("il28_pressure", -4)
    state:add("charges", 1)
    C.escalate(state, 1)
    state:add("prestige", -3)
    state:add("oas_support", 3)
    state:log("Washington charges Moscow with non-compliance over the IL-28s and calls the "
      .. "OAS together; a fuel quarantine is discussed.")
  end
end

-- Point 1: Moscow promised removal; falling behind is reneging. (Dismantling began on
-- 29 October; the Defense Department reported all known bases dismantled on 8 November.)
local function schedule(state)
  local t, stage, m = state:turn(), state:get("missile_stage"), state:get("missiles")
  local behind = (t >= 3 and stage < 2) or (t >= 6 and m > 21) or (t >= 8 and m > 0)
  if behind then
    state:add("charges", 1)
    state:add("prestige", -2)
    state:add("us_pressure", 2)
    if t >= 6 then C.escalate(state, 1) end
    state:log("Washington accuses Moscow of stalling on the removal it promised.")
  end
end

-- Point 2: pressure on Washington while nothing is verified. Once every missile has been
-- counted at sea or verification reaches 70, the point is met.
local function no_progress(state)
  if state:get("missiles_counted") >= 42 or state:get("verification") >= 70 then return end
  local progress = state:get("verification") - state:get("verif_last")
  if progress < 3 then
    state:add("us_pressure", state:turn() <= 2 and 6 or 4)
    state:add("oas_support", -2)
    state:report("us", "Another turn without real verification: Congress and Latin America "
      .. "grow restless (point 2).")
  end
end

-- Point 5: the President's responsibility for US security demands that, without UN
-- verification, Washington verify by its own means; reassuring the US and Latin American
-- publics comes second. A turn without reconnaissance while nothing is verified is first a
-- security loss (what was verified can no longer be confirmed, and the picture of Cuba
-- goes stale), then a political one.
local function own_means(state)
  local high, low = C.flew(state)
  if not high and not low and state:get("verification") < 50
     and state:get("missiles_counted") < 42 and state:get("un_inspection") < 3 then
    state:add("verification", -3)
    for _, t in ipairs({ "missiles", "il28" }) do
      local v, err = state:estimate("us", t)
      state:set_estimate("us", t, v, math.min(12, err + 2))
    end
    state:add("us_pressure", 3)
    state:report("us", "No reconnaissance flown while nothing is verified: we can no longer "
      .. "confirm what we saw, and critics say the President is taking Moscow's word "
      .. "(point 5).")
  end
end

-- The home front: a suspended quarantine, a cool OAS, a shoot-down left unanswered.
local function home_front(state)
  if state:get("quarantine") == 1 then state:add("us_pressure", 2) end
  if state:get("oas_support") < 50 then state:add("us_pressure", 2) end
  if state:get("unanswered") > 0 then
    state:add("us_pressure", state:get("retaliation") // 2)
    if state:add("retaliation", -1) == 0 then state:set("unanswered", 0) end
  end
end

-- The bargain of 12 November (XI-173): the bombers ordered out, the quarantine is lifted at
-- once. A Washington that keeps it standing once the bombers are agreed out and the
-- missiles have gone is going back on its word: the governments that joined it against
-- the offensive weapons drift away, and the Navy's ships on station are a cost at home.
local function bargain_kept(state)
  if not (state:get("il28_deal") >= 2 and C.missiles_gone(state)) then
    state:set("bargain_due", 0)
    return
  end
  -- the turn the bargain falls due Washington could not yet have acted on it
  if state:get("bargain_due") == 0 then
    state:set("bargain_due", 1)
    return
  end
  if state:get("quarantine") >= 1 then
    state:add("oas_support", -3)
    state:add("us_pressure", 3)
    state:report("us", "The bombers are agreed out and the missiles gone, yet the "
      .. "quarantine stands: allies and the OAS ask why Washington does not keep the "
      .. "bargain of 12 November.")
  end
end

-- The quarantine's weight on Moscow.
local function quarantine(state)
  local q = state:get("quarantine")
  if q == 3 then
    state:add("prestige", -2)
  elseif q == 2 then
    state:add("prestige", -1)
  end
end

-- The ladder: a crisis left at the brink for a whole turn may become war.
-- Below it, a turn without new escalation lets a crisis cool one step.
local function brink(state)
  local t = state:get("tension")
  if t < 5 then
    if t >= 4 and t <= state:get("tension_last") then
      state:add("tension", -1)
      state:log("A quiet turn: both sides step back from the crisis.")
    end
    return
  end
  if state:get("tension_last") < 5 then
    state:report({ "us", "ussr", "un" }, "The crisis stands at the brink. If it is still "
      .. "there at the end of next turn, anything may start a war.")
    return
  end
  local p = 15
  if state:get("tactical") > 0 and state:get("sam_control") >= 1 then p = p + 10 end
  if state:ordered("us", "retaliate") then p = p + 10 end
  if state:ordered("un", "mediate") then p = p / 2 end
  if state:chance(p) then
    state:set("tension", 6)
    state:log("At the brink, an incident nobody ordered turns into shooting.")
  end
end

-- Clears what lasts only one turn.
local function reset(state)
  local high, low = C.flew(state)
  state:set("recon", (high and 1 or 0) + (low and 2 or 0))
  state:set("shipped_now", 0)
  state:set("uninspected_now", 0)
  state:set("appeal", 0)
  state:add("sam_restraint", -1)
  -- Exile groups regroup, slowly, unless Washington restrains them this turn.
  if not state:ordered("us", "restrain_exiles") and state:chance(50) then
    state:add("exiles", 1)
  end
  state:set("verif_last", state:get("verification"))
  state:set("tension_last", state:get("tension"))
  for _, t in ipairs({ "missiles", "il28", "personnel", "castro_anger" }) do
    C.age(state, "us", t, t == "castro_anger" and 3 or t == "personnel" and 15 or 12)
  end
  for _, t in ipairs({ "missiles", "il28", "castro_anger" }) do
    C.age(state, "un", t, t == "castro_anger" and 3 or 20)
  end
end

-- The settlement (point 1 met, the bombers agreed, the quarantine lifted, the ladder
-- down): reached once, it leads into the epilogue, the record's last weeks, which the
-- game plays to its last turn (6 December).
local function settlement(state)
  if state:get("settled_turn") > 0 then return end
  if state:get("quarantine") == 0 and state:get("missiles") == 0
     and (state:get("missiles_counted") >= 42 or state:get("verification") >= 70)
     and state:get("il28_deal") >= 2 and state:get("tension") <= 2
     and state:get("unanswered") == 0 then
    state:set("settled_turn", state:turn())
    state:log("Settlement: the missiles are gone and verified, the bombers are to follow and "
      .. "the quarantine is lifted. What remains to be played: the bombers' departure, the "
      .. "Soviet forces left in Cuba, and whether the pledge is ever made formal.")
  end
end

-- The opening news of 1 November.
function R.setup(state)
  state:log("Four days after Khrushchev's promise to remove the missiles, nothing has been "
    .. "verified; dismantling of the missile sites began on 29 October. The quarantine "
    .. "stands at hail and pass; US forces are at DEFCON 3, the Strategic Air Command at "
    .. "DEFCON 2. On 31 October an exile group with a boat was arrested in Florida. Mikoyan "
    .. "meets McCloy and Stevenson in New York tonight.")
  state:report("us", "Telegram 1158 from Under Secretary Ball: verification is essential; "
    .. "keep flying; the IL-28s are included; no talk of Berlin.")
  state:report("ussr", "Comrade Mikoyan leaves for Havana tomorrow. The Cuban leaders resent "
    .. "not having been consulted. The Americans have photographed the FKR and Luna "
    .. "launchers but do not know their nuclear warheads are in Cuba.")
  state:report("un", "Back from Havana: Castro refuses any inspection on Cuban soil or from "
    .. "the air, but would allow checks on the high seas.")
end

-- What lasts one turn is cleared at its end; estimates age.
function R.turn_end(state)
  reset(state)
end

local function rule(id, name, source, text, effect)
  return niact.event{ id = id, name = name, source = source, text = text, effect = effect }
end

R.events = {
  rule("cuba_fires", "Cuba's guns and the SAMs", tp(6),
    "Each turn the United States flies, Cuban guns may fire on low-level flights and SAM "
    .. "sites on U-2s. Before Castro's threat of 15 November Cuban gunners hold their fire "
    .. "(6% only at anger 10 with boarding at sea or tension at crisis); from the turn after it, a low-level flight draws fire at "
    .. "10% + 4% per point of anger above 5. Soviet SAM crews fire only at the brink (2%); "
    .. "mixed or Cuban crews more readily, above all after the threat. Soviet restraint "
    .. "(x0.4 for guns, x0.5 for SAMs) and the UN's appeal (x0.5) lower both. A hit "
    .. "aircraft raises tension and the demand to retaliate.", cuba.fire),
  rule("castro_temper", "Havana's reaction", "S-475; XI-133",
    "Boarding angers Havana, a standing quarantine may; it cools when there are no "
    .. "low-level flights. Anger 8+ erodes cooperation, 3 or less builds it.", cuba.temper),
  rule("cuba_consent", "Cuba's consent to inspection", tp(4),
    "A UN scheme Moscow accepted starts at sea at once; on Cuban soil or in Cuban air only "
    .. "with cooperation 6 or more.", cuba.consent),
  rule("inspections_verify", "Inspections at work", tp(3) .. "; " .. tp(4),
    "Operating UN schemes and the ICRC verify every turn and sharpen the US and UN "
    .. "estimates; a UN inspection at sea counts covered missiles. An ICRC scheme agreed by "
    .. "all three starts three turns later (a neutral ship and thirty inspectors must be "
    .. "found), and only if the quarantine still stands; lifting the quarantine ends it.",
    inspections),
  rule("weapons_leave", "Missiles gone, bombers leaving", tp(1) .. "; " .. tp(7),
    "The removal stage follows the missiles; agreed bombers leave 21 a turn from the "
    .. "fourth turn after the agreement (so bombers agreed on 19-21 November sail on 1-6 "
    .. "December, as in the record), counted as they go.", removal),
  rule("il28_noncompliance", "Non-compliance over the bombers", tp(7),
    "While the bombers are contested, Washington's case grows every turn from turn 3; at "
    .. "8, from turn 6 (after the ExComm's menu of 13 November), it charges Moscow with "
    .. "non-compliance (tension +1, prestige -3, OAS +3).", bombers),
  rule("removal_schedule", "Khrushchev's promise", tp(1),
    "Dismantling began on 29 October. Crated by the end of turn 3 (9 November), half "
    .. "gone by turn 6, all gone by turn 8. Each turn behind: prestige -2, US pressure +2, "
    .. "from turn 6 tension +1.", schedule),
  rule("no_verification", "Days pass without verification", tp(2),
    "Until all 42 missiles are counted or verification reaches 70, a turn with less than "
    .. "3 points of verification progress: US pressure +6 in turns 1-2, +4 after; OAS "
    .. "support -2.", no_progress),
  rule("own_means", "Verification by our own means", tp(5),
    "Security first: a turn without reconnaissance while verification is under 50, fewer "
    .. "than 42 missiles have been counted at sea and no UN scheme operates costs verification 3 and blurs the US estimates of missiles and "
    .. "bombers (error +2); second, it costs US pressure +3.", own_means),
  rule("home_front", "The home front", tp(6) .. "; " .. tp(3),
    "A suspended quarantine (+2 a turn), OAS support under 50 (+2), and a shoot-down left "
    .. "unanswered (half the retaliation pressure, which fades a point a turn) weigh on "
    .. "Washington.", home_front),
  rule("bargain_kept", "The bargain of 12 November", "XI-173; press conference 20 Nov",
    "Once the bombers are agreed out and every missile has left, each turn after the first "
    .. "that the quarantine still stands (or is only suspended) costs Washington OAS "
    .. "support 3 and US pressure +3: it was promised to lift at once.", bargain_kept),
  rule("quarantine_weight", "The quarantine's weight", tp(3) .. "; XI-128",
    "A standing quarantine costs Moscow 1 prestige a turn, boarding 2.", quarantine),
  rule("brink", "The brink", tp(6) .. "; Dobbs",
    "At crisis a turn without new escalation cools a step. A turn that starts and ends at "
    .. "the brink may become war: 15%, +10% with tactical weapons and SAMs in Cuban "
    .. "hands, +10% in a turn of retaliation, halved by mediation.", brink),
  rule("settlement", "Settlement and epilogue", tp(1) .. "; XI-196",
    "Once the missiles are gone and verified (42 counted or verification 70), the bombers "
    .. "agreed out, the quarantine lifted, tension at 'tense' or lower and no shoot-down "
    .. "unanswered, the settlement is reached. The game then plays on to its last turn "
    .. "(4-6 December) as an epilogue: the bombers leave, the Soviet forces and the pledge "
    .. "remain to be settled. It ends as a settlement unless it turns to war.", settlement),
}

local MONTHS = { "January", "February", "March", "April", "May", "June", "July", "August",
                 "September", "October", "November", "December" }

-- "19 November 1962" from "1962-11-19".
local function day(iso)
  local y, m, d = iso:match("^(%d+)-(%d+)-(%d+)$")
  if not y then return iso end
  return tonumber(d) .. " " .. MONTHS[tonumber(m)] .. " " .. y
end

-- War at once; a settlement once its epilogue has been played to the last turn.
function R.end_check(state)
  if state:get("tension") >= 6 then
    local tac = state:get("tactical")
    return "war", "War over Cuba. " .. (tac > 0 and (tac .. " Soviet tactical nuclear "
      .. "warheads, which Washington did not know were there, were on the island.") or "")
      .. " Everyone has lost."
  end
  local settled = state:get("settled_turn")
  if settled > 0 and state:turn() > state:turns() then
    return "settlement", "Settlement reached in the turn of " .. day(state:date(settled))
      .. " (the missiles gone and verified, the bombers agreed out, the quarantine "
      .. "lifted); the epilogue was played to the last turn, from " .. day(state:date(state:turns()))
      .. "."
  end
  return nil
end

return R
