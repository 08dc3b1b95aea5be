-- The rules run at each turn's end: the telegram's points that act every turn,
-- the removal and counting of weapons, the inspections in operation, and the ladder.
local C = require("common")
local cuba = require("cuba")
local R = {}

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
  if state:get("il28_deal") >= 2 and agreed > 0 and state:turn() >= agreed + 3
     and state:get("il28") > 0 then
    local n = math.min(14, state:get("il28"))
    state:add("il28", -n)
    state:add("il28_counted", n)
    state:set("il28_deal", 3)
    C.observe(state, "us", "il28", 1)
    C.observe(state, "un", "il28", 2)
    state:log("A Soviet freighter sails with " .. n .. " IL-28 bombers on deck; US aircraft "
      .. "count them.")
  end
end

-- Point 7: ignored long enough, the bomber demand escalates.
local function bombers(state)
  if state:get("il28_deal") ~= 0 then return end
  if state:turn() >= 3 then state:add("il28_pressure", 1) end
  if state:get("il28_pressure") >= 8 then
    state:add("il28_pressure", -4)
    C.escalate(state, 1)
    state:add("prestige", -3)
    state:add("oas_support", 3)
    state:log("Washington charges Moscow with non-compliance over the IL-28s and calls the "
      .. "OAS together; a fuel quarantine is discussed.")
  end
end

-- Point 1: Moscow promised removal; falling behind is reneging.
local function schedule(state)
  local t, stage, m = state:turn(), state:get("missile_stage"), state:get("missiles")
  local behind = (t >= 2 and stage < 1) or (t >= 4 and stage < 2) or (t >= 6 and m > 21)
      or (t >= 8 and m > 0)
  if behind then
    state:add("prestige", -2)
    state:add("us_pressure", 2)
    if t >= 6 then C.escalate(state, 1) end
    state:log("Washington accuses Moscow of stalling on the removal it promised.")
  end
end

-- Points 2 and 5: pressure on Washington while nothing is verified.
local function us_pressure(state)
  local progress = state:get("verification") - state:get("verif_last")
  if progress < 3 then
    state:add("us_pressure", state:turn() <= 2 and 6 or 4)
    state:add("oas_support", -2)
    state:report("us", "Another turn without real verification: Congress and Latin America "
      .. "grow restless (point 2).")
  end
  local high, low = C.flew(state)
  if not high and not low and state:get("verification") < 50
     and state:get("un_inspection") < 3 then
    state:add("us_pressure", 5)
    state:report("us", "No reconnaissance flown while nothing is verified: critics say the "
      .. "President is taking Moscow's word (point 5).")
  end
  if state:get("quarantine") == 1 then state:add("us_pressure", 2) end
  if state:get("oas_support") < 50 then state:add("us_pressure", 2) end
  if state:get("unanswered") > 0 then
    state:add("us_pressure", state:get("retaliation") // 2)
    if state:add("retaliation", -1) == 0 then state:set("unanswered", 0) end
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
  if not state:ordered("us", "restrain_exiles") then state:add("exiles", 1) end
  state:set("verif_last", state:get("verification"))
  state:set("tension_last", state:get("tension"))
  for _, t in ipairs({ "missiles", "il28", "personnel", "castro_anger" }) do
    C.age(state, "us", t, t == "castro_anger" and 3 or t == "personnel" and 15 or 12)
  end
  for _, t in ipairs({ "missiles", "il28", "castro_anger" }) do
    C.age(state, "un", t, t == "castro_anger" and 3 or 20)
  end
end

-- The opening news of 1 November.
function R.setup(state)
  state:log("Four days after Khrushchev's promise to remove the missiles, nothing has been "
    .. "verified. The quarantine stands at hail and pass; US forces are on high alert. "
    .. "Mikoyan meets McCloy and Stevenson in New York tonight.")
  state:report("us", "Telegram 1158 from Under Secretary Ball: verification is essential; "
    .. "keep flying; the IL-28s are included; no talk of Berlin. (Read 'brief'.)")
  state:report("ussr", "Comrade Mikoyan leaves for Havana tomorrow. Castro is furious at not "
    .. "being consulted. The Americans do not know about the tactical weapons.")
  state:report("un", "Back from Havana: Castro refuses any inspection on Cuban soil or from "
    .. "the air, but would allow checks on the high seas.")
end

function R.turn_end(state)
  cuba.turn_end(state)
  inspections(state)
  removal(state)
  bombers(state)
  schedule(state)
  us_pressure(state)
  quarantine(state)
  brink(state)
  reset(state)
end

-- Settlement (point 1 met and the quarantine lifted) or war.
function R.end_check(state)
  if state:get("tension") >= 6 then
    local tac = state:get("tactical")
    return "war", "War over Cuba. " .. (tac > 0 and (tac .. " Soviet tactical nuclear "
      .. "weapons nobody in Washington knew of were on the island.") or "")
      .. " Everyone has lost."
  end
  if state:get("quarantine") == 0 and state:get("missiles") == 0
     and (state:get("missiles_counted") >= 42 or state:get("verification") >= 70)
     and state:get("il28_deal") >= 2 and state:get("tension") <= 2
     and state:get("unanswered") == 0 then
    return "settlement", "Settlement: the missiles are gone and verified, the bombers are "
      .. "to follow and the quarantine is lifted."
  end
  return nil
end

return R
