-- Cuba, the scripted actor: Castro's anger and cooperation, his consent or refusal of
-- inspection, and the guns and SAMs that may fire on US reconnaissance aircraft
-- (telegram 1158, point 6).
local C = require("common")
local M = {}

-- Whether Castro's threat to fire on violating aircraft (15 November) was made in an
-- earlier turn: from the turn after it, Cuban gunners have orders to fire.
local function threat_in_force(state)
  local t = state:get("threat_turn")
  return t > 0 and state:turn() > t
end
M.threat_in_force = threat_in_force

-- Percent chance that Cuban anti-aircraft guns fire on this turn's low-level flights.
-- Before the threat, Cuban gunners held their fire (no US aircraft was fired on in
-- November): only a Havana at the end of its patience (anger 10) while the crisis is
-- sharpening (boarding at sea, or tension at crisis) might let them shoot.
-- After it, every low-level flight runs a real risk, the more so the angrier Havana is.
function M.low_fire_chance(state)
  local anger = state:get("castro_anger")
  local p
  if threat_in_force(state) then
    p = 10 + math.max(0, anger - 5) * 4
  else
    local sharp = state:get("quarantine") == 3 or state:get("tension") >= 4
    p = (anger >= 10 and sharp) and 6 or 0
  end
  if state:get("sam_restraint") >= 1 then p = p * 0.4 end
  if state:get("appeal") == 1 then p = p * 0.5 end
  return p
end

-- Percent chance that a SAM site fires on this turn's U-2s. Soviet crews had orders not
-- to fire after the U-2 was shot down on 27 October: they fire only at the brink.
-- Cuban hands on the keys fire more readily, above all once Havana has said it will.
function M.high_fire_chance(state)
  if state:get("sams") == 0 then return 0 end
  local anger, control = state:get("castro_anger"), state:get("sam_control")
  local p
  if control == 0 then
    p = state:get("tension") >= 5 and 2 or 0
  elseif control == 1 then
    p = 2 + math.max(0, anger - 6) * 2
  else
    p = 4 + math.max(0, anger - 5) * 3
  end
  if control >= 1 and threat_in_force(state) then p = p + 5 end
  if state:get("sam_restraint") >= 1 then p = control == 0 and 0 or p * 0.5 end
  if state:get("appeal") == 1 then p = p * 0.5 end
  return p
end

-- An aircraft is fired on: the cycle of action and reaction begins.
function M.shootdown(state, low)
  state:add("shootdowns", 1)
  state:add("unanswered", 1)
  state:add("retaliation", 5)
  C.escalate(state, 1)
  state:add("us_pressure", 8)
  state:set("last_fire", low and 1 or 2)
  if low then
    state:log("Cuban anti-aircraft guns open fire on a low-flying US reconnaissance jet; "
      .. "it is hit and barely makes it home. Washington demands to know who gave the order.")
  else
    state:log("A surface-to-air missile brings down a U-2 over Cuba. The United States holds "
      .. "Moscow responsible: Soviet technicians run the SAMs.")
  end
end

-- Fire checks for this turn's reconnaissance.
function M.fire(state)
  local high, low = C.flew(state)
  if low and state:chance(M.low_fire_chance(state)) then M.shootdown(state, true) end
  if high and state:chance(M.high_fire_chance(state)) then M.shootdown(state, false) end
end

-- Havana's reaction between turns, and what it does to its cooperation.
function M.temper(state)
  local high, low = C.flew(state)
  local q = state:get("quarantine")
  if q == 3 or (q == 2 and state:chance(50)) then state:add("castro_anger", 1) end
  if not low and state:get("quarantine") <= 2 and state:get("castro_anger") > 6 then
    state:add("castro_anger", -1)
  end
  local anger = state:get("castro_anger")
  if anger >= 8 then
    state:add("cooperation", -1)
  elseif anger <= 3 then
    state:add("cooperation", 1)
  end
  C.observe(state, "us", "castro_anger", 2)
  C.observe(state, "un", "castro_anger", 1)
end

-- Point 4: a scheme Moscow accepted starts only where Cuba lets it.
function M.consent(state)
  if state:get("un_inspection") ~= 2 then return end
  local scheme = state:get("un_scheme")
  if scheme == 3 then
    state:set("un_inspection", 3)
    state:log("UN inspectors take their places on ships at sea off Cuba.")
  elseif state:get("cooperation") >= 6 then
    state:set("un_inspection", 3)
    state:log("Castro lets the UN " .. (scheme == 1 and "observers onto Cuban soil."
      or "inspection aircraft into Cuban airspace."))
  else
    state:add("un_credibility", -1)
    state:log("Havana refuses any inspection on Cuban soil or in Cuban air. The UN scheme "
      .. "waits on Castro.")
  end
end


return M
