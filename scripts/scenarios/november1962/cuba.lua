-- Cuba, the scripted actor: Castro's anger and cooperation, his consent or refusal of
-- inspection, and the guns and SAMs that may fire on US reconnaissance aircraft
-- (telegram 1158, point 6).
local C = require("common")
local M = {}

-- Percent chance that Cuban anti-aircraft guns fire on this turn's low-level flights.
function M.low_fire_chance(state)
  local anger = state:get("castro_anger")
  local p = math.max(0, anger - 7) * 4
  if state:fired("castro_threat") > 0 and anger >= 8 then p = p + 6 end
  if state:get("sam_restraint") >= 1 then p = p * 0.4 end
  if state:get("appeal") == 1 then p = p * 0.5 end
  return p
end

-- Percent chance that a SAM site fires on this turn's U-2s.
function M.high_fire_chance(state)
  if state:get("sams") == 0 then return 0 end
  local anger, control = state:get("castro_anger"), state:get("sam_control")
  local p
  if control == 0 then
    p = 1
  elseif control == 1 then
    p = 3 + math.max(0, anger - 6) * 2
  else
    p = 4 + math.max(0, anger - 5) * 3
  end
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

-- Castro's temper between turns, and what it does to his cooperation.
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
