-- The standing rules of October 1962, declared as events that fire every turn (so the
-- rules reference lists them with their text), and the setup, turn end and end check.
local C = require("common")
local R = {}

-- The sites: the crews make one more launcher ready a turn while the work goes on;
-- ordered out, they are taken down eight a turn.
local function sites(state)
  local removal = state:get("removal")
  if removal == 0 and not state:ordered("us", "air_strike") then
    state:add("sites_ready", 1)
  elseif removal == 2 and state:get("sites_ready") > 0 then
    state:add("sites_ready", -8)
    C.observe(state, "us", "sites_ready", 2)
    state:log("Soviet crews are taking the missile sites apart.")
  end
end

-- The quarantine takes effect at the end of the second turn after the one it was
-- announced in (22 to 24 October); in force, it costs Moscow prestige every turn.
local function quarantine(state)
  local q = state:get("quarantine")
  if q == 1 and state:turn() >= state:get("public_turn") + 2 then
    state:set("quarantine", 2)
    state:log("The quarantine is in force: US warships stand on the line to intercept "
      .. "ships bound for Cuba.")
  elseif q == 2 then
    state:add("prestige", -1)
  end
end

-- An aircraft is fired on: the cycle of action and reaction begins.
local function shootdown(state, low)
  state:add("fired_on", 1)
  state:add("unanswered", 1)
  state:add("us_pressure", 8)
  C.escalate(state, 1)
  if low then
    state:log("Cuban anti-aircraft guns open fire on low-flying US reconnaissance jets.")
  else
    state:log("A surface-to-air missile brings down a U-2 over eastern Cuba; the pilot is "
      .. "killed. Washington holds Moscow responsible.")
  end
end

-- Percent chance Cuban guns fire on this turn's low-level flights.
function R.low_fire_chance(state)
  if state:get("aa_orders") == 0 then return 0 end
  local p = 40
  if state:get("restraint") >= 1 then p = p * 0.75 end
  return p
end

-- Percent chance a SAM site fires on this turn's U-2s: only in a sharp crisis, more so
-- while the Cuban guns are firing; Moscow's strict orders all but stop it.
function R.high_fire_chance(state)
  local t = state:get("tension")
  if t < 4 or C.settled(state) then return 0 end
  local p = 6 + (t - 4) * 6
  if state:get("aa_orders") == 1 then p = p + 10 end
  local r = state:get("restraint")
  if r == 2 then p = p * 0.1 elseif r == 1 then p = p * 0.5 end
  return p
end

local function fire(state)
  local high, low = C.flew(state)
  if low and state:chance(R.low_fire_chance(state)) then shootdown(state, true) end
  if high and state:chance(R.high_fire_chance(state)) then shootdown(state, false) end
end

-- Washington at home: once the world knows, every turn without a firm answer (neither
-- quarantine nor force) raises the demand for one; an unanswered shoot-down too.
local function home_front(state)
  if C.public(state) and state:get("quarantine") == 0 and state:get("struck") == 0
     and state:get("invaded") == 0 then
    state:add("us_pressure", 6)
    state:report("us", "Congress and the press ask what the President is doing about the "
      .. "missiles.")
  end
  if state:get("unanswered") > 0 then state:add("us_pressure", 4) end
  if state:get("oas_support") < 40 then state:add("us_pressure", 2) end
end

-- U Thant's standstill is accepted once the Soviet ships are stopped and no ship was
-- boarded this turn.
local function standstill(state)
  if state:get("standstill") ~= 1 then return end
  if state:get("irbm_ships") <= 1 and not state:ordered("us", "board_ship") then
    state:set("standstill", 2)
    C.ease(state, 1)
    state:add("un_credibility", 8)
    state:log("Both powers answer U Thant: Soviet ships will keep away from the "
      .. "interception area, and US ships will avoid a direct confrontation.")
  end
end

-- US troops in Cuba meet the tactical weapons: their commanders may use them.
local function landing(state)
  if state:get("invaded") == 0 then return end
  if state:get("tactical") > 0 then
    local p = 25 + (state:get("mobilization") == 2 and 15 or 0)
    if state:get("restraint") == 2 then p = p - 15 end
    if state:chance(p) then
      state:set("tension", 6)
      state:log("On the beaches a Soviet commander fires a nuclear-armed cruise missile at "
        .. "the invasion fleet.")
      return
    end
  end
  state:add("us_pressure", -2)
end

-- The brink: a full turn at the brink may turn into war.
local function brink(state)
  local t = state:get("tension")
  if t >= 6 then return end
  if t < 5 then
    if t >= 4 and t <= state:get("tension_last") and not state:ordered("us", "air_strike") then
      C.ease(state, 1)
      state:log("A quiet turn: both sides step back from the crisis.")
    end
    return
  end
  if state:get("tension_last") < 5 then
    state:report({ "us", "ussr", "cuba", "un" }, "The crisis stands at the brink. If it is "
      .. "still there at the end of next turn, anything may start a war.")
    return
  end
  local p = 12
  if state:ordered("us", "air_strike") and state:get("sites_ready") > 0 then p = p + 10 end
  if state:get("unanswered") > 0 then p = p + 5 end
  if state:get("us_alert") == 3 then p = p + 5 end
  if state:get("restraint") == 2 then p = p - 5 end
  if state:ordered("un", "mediate") then p = p / 2 end
  if state:chance(p) then
    state:set("tension", 6)
    state:log("At the brink, an incident nobody ordered turns into shooting.")
  end
end

local function rule(id, name, source, text, effect)
  return niact.event{ id = id, name = name, source = source, text = text, effect = effect }
end

R.events = {
  rule("the_sites", "The sites", "Dobbs; NSK 28 Oct",
    "While the work goes on (and no strike was flown this turn), one more launcher is "
    .. "ready each turn. Ordered out, they are taken apart, eight a turn, under US cameras.",
    sites),
  rule("the_quarantine", "The quarantine", "Address 22 Oct; Proclamation 3504",
    "Announced, the quarantine is in force from the end of the second turn after (22 to "
    .. "24 October). "
    .. "In force, it costs Moscow a point of prestige a turn.", quarantine),
  rule("the_guns", "Cuba's guns and the SAMs", "Dobbs",
    "Under orders to fire, Cuban guns fire on a low-level flight 40% of the time (x0.75 "
    .. "with Moscow's orders to hold fire). SAM crews fire on U-2s only at crisis or above: "
    .. "6% at crisis, 12% at the brink, +10% while the Cuban guns are firing; Moscow's "
    .. "strict orders cut it to a tenth, fading ones to half. A plane fired on raises "
    .. "tension and US pressure.", fire),
  rule("home_front", "Washington at home", "Tapes (congressional leaders, 22 Oct); Dobbs",
    "Once the crisis is public, a turn with neither a quarantine nor force adds 6 to US "
    .. "pressure; an unanswered shoot-down 4; OAS support under 40 adds 2.", home_front),
  rule("standstill_answer", "Answers to U Thant", "Dorn",
    "A standstill U Thant proposed is accepted at a turn's end when the Soviet ships are "
    .. "stopped and no ship was boarded that turn: tension -1, UN credibility +8.",
    standstill),
  rule("the_beaches", "The beaches", "NSA-393; Dobbs",
    "Each turn US troops are in Cuba while the tactical nuclear weapons are there, their "
    .. "commanders may use them: 25%, +15% at Cuba's combat alarm, -15% under Moscow's "
    .. "strict orders. That is war.", landing),
  rule("the_brink", "The brink", "Dobbs; RFK",
    "A full turn at the brink ends with a roll for war: 12%, +10% after an air strike "
    .. "that left launchers ready, +5% with a shoot-down unanswered, +5% at DEFCON 2, -5% "
    .. "under Moscow's strict orders, halved by the UN's mediation. A turn at crisis with "
    .. "no new escalation lets tension fall a step.", brink),
}

function R.setup(state)
  state:log("Tuesday, 16 October 1962. Few people in the world know it yet: U-2 "
    .. "photographs taken on Sunday show Soviet medium-range missile sites going up in "
    .. "western Cuba.")
  state:report("us", "McGeorge Bundy brings the President the photographs this morning. "
    .. "Nothing is public; the Soviets do not know we have seen the sites.")
  state:report("ussr", "Operation Anadyr is nearly done: the R-12 regiments are setting up "
    .. "their launchers; the R-14s are still at sea. The Americans suspect nothing, as far "
    .. "as we know.")
  state:report("cuba", "The Soviet missiles are being installed. Havana expects an American "
    .. "attack sooner or later.")
  state:report("un", "New York is quiet. Rumours from Washington and Havana, nothing more.")
end

function R.turn_end(state)
  state:set("camouflaged", 0)
  local r = state:get("restraint")
  if r > 0 then state:set("restraint", r - 1) end
  state:set("tension_last", state:get("tension"))
  C.age(state, "us", "sites_ready", 6)
  C.age(state, "ussr", "build_up", 3)
  C.age(state, "cuba", "build_up", 3)
end

function R.end_check(state)
  local t = state:get("tension")
  if t >= 6 then return "war" end
  if C.settled(state) then
    local j = state:get("jupiters")
    local havana = state:get("consulted") >= 2 and " Havana was consulted."
      or " Havana was not consulted, and is bitter."
    if j == 2 then
      return "trade", "Khrushchev has ordered the missiles out of Cuba, for a promise not "
        .. "to invade and the Jupiters in Turkey, traded in public." .. havana
    end
    return "settlement", "Khrushchev has ordered the missiles out of Cuba, for a promise "
      .. "not to invade" .. (j == 1 and " and, in secret, the Jupiters in Turkey."
      or " and nothing more.") .. havana
  end
end

return R
