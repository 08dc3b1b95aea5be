-- Helpers the rules of November 1962 share. Pure functions of the state: no memory.
local C = {}

C.ROLES = { "us", "ussr", "un" }

-- Point 9: the offensive weapons are "clearly on their way home" once every missile has
-- left Cuba and the IL-28 bombers (offensive weapons too, point 7) are leaving.
function C.on_their_way(state)
  return state:get("missile_stage") >= 4 and state:get("il28_deal") >= 3
end

-- Whether every missile has left Cuba.
function C.missiles_gone(state)
  return state:get("missile_stage") >= 4
end

-- An aerial look at a weapon the United States counts from photographs: it sees what it
-- has identified, which may be fewer than are there (crated missiles and bombers under
-- cover are missed), with the given error bar. A sharper estimate already held stands.
function C.identify(state, track, missed, err)
  local _, cur = state:estimate("us", track)
  if err > cur then return end
  local seen = math.max(0, state:get(track) - state:random(0, missed))
  state:set_estimate("us", track, seen, err)
end

-- Raises verification by n, but not above cap (some means can only prove so much).
function C.verify(state, n, cap)
  local v = state:get("verification")
  cap = cap or 100
  if v >= cap then return 0 end
  local nv = math.min(v + n, cap)
  state:set("verification", nv)
  return nv - v
end

-- Moves the US alert (DEFCON) track by n steps within its range.
function C.alert(state, n)
  local a = state:get("us_alert")
  return state:set("us_alert", math.max(0, math.min(3, a + n)))
end

-- Raises tension by n steps, but never past the brink (5): only the brink roll at the
-- turn's end turns a crisis into war.
function C.escalate(state, n)
  local t = state:get("tension")
  if t >= 5 then return t end
  return state:set("tension", math.min(5, t + n))
end

-- The role observes a track with the given error bar, unless it already holds a sharper
-- estimate (errors grow as estimates age, see C.age): a blurry look does not undo a
-- sharp one.
function C.observe(state, role, track, err)
  local _, cur = state:estimate(role, track)
  if err <= cur then state:observe(role, track, err) end
end

-- Estimates age: each turn the error bar of a role's estimate grows by one (up to max),
-- so old photographs count for less and a new look replaces them.
function C.age(state, role, track, max)
  local v, err = state:estimate(role, track)
  if err < max then state:set_estimate(role, track, v, err + 1) end
end

-- Whether the United States flew reconnaissance this turn (high, low).
function C.flew(state)
  return state:ordered("us", "recon_high") ~= nil, state:ordered("us", "recon_low") ~= nil
end

-- Whether any UN or ICRC inspection is operating now.
function C.inspection_operating(state)
  return state:get("un_inspection") == 3 or state:get("icrc") == 3
end

-- Moves a labelled track up to at least v; returns true if it moved.
function C.raise_to(state, track, v)
  if state:get(track) < v then
    state:set(track, v)
    return true
  end
  return false
end

-- "12" from 12; signed change text for logs.
function C.signed(n)
  if n >= 0 then return "+" .. n end
  return tostring(n)
end

return C
