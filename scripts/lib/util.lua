-- Small helpers any scenario may `require("util")`.
local util = {}

-- Clamps x to [lo, hi].
function util.clamp(x, lo, hi)
  if x < lo then return lo elseif x > hi then return hi end
  return x
end

-- Linear score: 100 when value reaches `good`, 0 at `bad` (either direction).
function util.scale(value, bad, good)
  if good == bad then return value == good and 100 or 0 end
  local s = (value - bad) * 100 / (good - bad)
  return util.clamp(math.floor(s + 0.5), 0, 100)
end

-- The first element of list for which pred is true, or nil.
function util.find(list, pred)
  for _, v in ipairs(list) do
    if pred(v) then return v end
  end
  return nil
end

return util
