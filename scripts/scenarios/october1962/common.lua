-- Helpers the rules of October 1962 share. Pure functions of the state: no memory.
local C = {}

C.ROLES = { "us", "ussr", "cuba", "un" }

-- Raises tension by n steps, never past the brink (5): only the brink roll at a turn's
-- end turns a crisis into war.
function C.escalate(state, n)
  local t = state:get("tension")
  if t >= 5 then return t end
  return state:set("tension", math.min(5, t + n))
end

-- Lowers tension by n steps, not below `floor` (default 0).
function C.ease(state, n, floor)
  local t = state:get("tension")
  floor = floor or 0
  if t <= floor then return t end
  return state:set("tension", math.max(floor, t - n))
end

-- The role observes a track with the given error bar, unless it holds a sharper estimate.
function C.observe(state, role, track, err)
  local _, cur = state:estimate(role, track)
  if err <= cur then state:observe(role, track, err) end
end

-- Estimates age: each turn the error bar grows by one, up to max.
function C.age(state, role, track, max)
  local v, err = state:estimate(role, track)
  if err < max then state:set_estimate(role, track, v, err + 1) end
end

-- American photographs of the sites: the estimate of ready launchers with the given
-- error bar, undercounting by 1..missed when the sites are camouflaged this turn.
function C.photograph(state, err, missed)
  if state:get("camouflaged") == 1 then
    local seen = math.max(0, state:get("sites_ready") - state:random(missed // 4, missed))
    state:set_estimate("us", "sites_ready", seen, err + 1)
  else
    C.observe(state, "us", "sites_ready", err)
  end
end

-- Whether the crisis is public (the speech or a leak).
function C.public(state) return state:get("public") == 1 end

-- Whether the United States flew reconnaissance this turn (high, low).
function C.flew(state)
  return state:ordered("us", "recon_high") ~= nil, state:ordered("us", "recon_low") ~= nil
end

-- Whether the missiles are ordered out: the settlement of 28 October.
function C.settled(state) return state:get("removal") == 2 end

-- The crisis becomes public this turn (the speech, or the story breaking).
function C.go_public(state)
  if state:get("public") == 1 then return false end
  state:set("public", 1)
  state:set("public_turn", state:turn())
  return true
end

-- "+3" / "-2" for logs.
function C.signed(n)
  if n >= 0 then return "+" .. n end
  return tostring(n)
end

return C
