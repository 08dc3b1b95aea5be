-- The floor of a sim (bench/floor.c, docs/performance.md): a scenario's own callbacks run
-- in plain Lua 5.4 (no sandbox, no hook, no engine), against a `state` kept in plain
-- tables. floor.c records which callbacks niact made in a game, with their arguments,
-- what the engine changed between two callbacks (a turn begun, an event fired, an
-- estimate moved: the deltas) and the dice (rolls, chances, noisy observations); this
-- file replays them. Everything a callback computes from the state (reads, writes with
-- clamping, legality in a view, commitments, orders) is computed here from the tables.
-- In verify mode every callback's results, the tracks after it, the calls to each
-- state method and the outcome are compared with niact's.
local M = {}

local unpack = table.unpack
local tointeger, floor, mtype = math.tointeger, math.floor, math.type

-- ---- the scenario, loaded the plain way ----

local decl = {}
local function ident(t) return t end

function M.load(dir, libdir)
  package.path = dir .. "/?.lua;" .. (libdir ~= "" and libdir .. "/?.lua;" or "")
  niact = setmetatable({ api_version = 2 }, { __index = function() return ident end })
  local chunk = assert(loadfile(dir .. "/scenario.lua"))
  decl = chunk()
  return true
end

-- The function behind a key of floor.c ("action:ID:legal", "personality:NAME:ROLE:orders").
local function find_fn(key)
  local kind, a, b, c = key:match("^(%w+):([^:]*):?([^:]*):?([^:]*)$")
  local function by_id(list, id)
    for _, x in ipairs(list or {}) do if x.id == id then return x end end
  end
  if kind == "scenario" then return decl[a] end
  if kind == "action" then return by_id(decl.actions, a)[b] end
  if kind == "event" then return by_id(decl.events, a)[b] end
  if kind == "objective" then return by_id(decl.objectives, a).score end
  if kind == "term" then return by_id(decl.terms, a)[b] end
  if kind == "personality" then
    local p = decl.personalities[a][b]
    if c ~= "" then return p[c] end
    return p
  end
  error("floor: unknown key " .. key)
end

-- ---- the table-backed state ----

local tr, est, err, fired, told, trust = {}, {}, {}, {}, {}, {}
local orders, comms = {}, {}
local turn = 0
local RQ, RP = {}, 0          -- the dice of the game, in the order niact drew them
local news, n_news = {}, 0    -- log lines and reports
local ended = nil             -- the outcomes asked for (state:end_game), in order
local ST = {}                 -- static declarations: set by M.setup
local counts = nil            -- calls per method (verify mode)

local function round(v)
  local i = tointeger(v)
  if i then return i end
  return floor(v + 0.5)
end

local function clamp(t, v)
  local lo, hi = ST.min[t], ST.max[t]
  return v < lo and lo or v > hi and hi or v
end

local function view_of(role, t)
  local vz = ST.vis[role][t]
  if vz == 2 then return tr[t], 0 end
  if vz == 1 then return est[role][t], err[role][t] end
  return nil
end

local function make_state(role)
  local S = {}
  if role then
    function S.get(_, t)
      local v, e = view_of(role, t)
      if v == nil then error(role .. " cannot see track '" .. t .. "'") end
      return v, e
    end
  else
    function S.get(_, t) return tr[t] end
  end
  function S.set(_, t, v)
    v = clamp(t, round(v))
    tr[t] = v
    return v
  end
  function S.add(_, t, d)
    local v = clamp(t, tr[t] + round(d))
    tr[t] = v
    return v
  end
  function S.min(_, t) return ST.min[t] end
  function S.max(_, t) return ST.max[t] end
  function S.label(_, t, v)
    if v == nil then
      if role then
        v = view_of(role, t)
        if v == nil then error(role .. " cannot see track '" .. t .. "'") end
      else
        v = tr[t]
      end
    else
      v = round(v)
    end
    local labels = ST.labels[t]
    if labels and v >= ST.min[t] and v <= ST.max[t] then return labels[v - ST.min[t] + 1] end
    return tostring(v)
  end
  function S.estimate(_, r, t)
    if role and r ~= role then error("a personality may read only its own role's estimates") end
    local v, e = view_of(r, t)
    if v == nil then return 0, 0 end
    return v, e
  end
  -- The noise of an observation is the engine's dice: its result is replayed.
  function S.observe(_, r, t)
    local p = RP
    est[r][t], err[r][t] = RQ[p + 1], RQ[p + 2]
    RP = p + 2
  end
  function S.set_estimate(_, r, t)
    local p = RP
    est[r][t], err[r][t] = RQ[p + 1], RQ[p + 2]
    RP = p + 2
  end
  local function log(text)
    n_news = n_news + 1
    news[n_news] = text
  end
  function S.log(_, text) log(text) end
  function S.report(_, _, text) log(text) end
  local function die() local p = RP + 1; RP = p; return RQ[p] end
  function S.roll() return die() end
  function S.random() return die() end
  function S.chance() return die() end
  function S.turn() return turn end
  function S.turns() return ST.turns end
  function S.variant() return ST.variant end
  function S.date(_, t) return ST.dates[t and round(t) or turn] end
  if role then
    function S.fired(_, e) return told[role][e] end
  else
    function S.fired(_, e) return fired[e] end
  end
  function S.end_game(_, name)
    if not ST.outcomes[name] then error("no outcome '" .. tostring(name) .. "' is declared") end
    ended = (ended or "") .. name .. ";"
  end
  function S.orders()
    local out = {}
    for i = 1, #orders do
      local o = orders[i]
      out[i] = { role = o.role, action = o.action, param = o.param }
    end
    return out
  end
  function S.ordered(_, r, a)
    for i = 1, #orders do
      local o = orders[i]
      if o.role == r and o.action == a then
        if o.param ~= nil then return o.param end
        return true
      end
    end
    return nil
  end
  function S.role() return role end
  function S.legal(self, a, p)
    local d = ST.actions[a]
    local param = p == nil and d.pdef or round(p)
    local ok = d.roles[role] and (not d.has_param or (param >= d.pmin and param <= d.pmax))
    if ok and d.legal then
      local fine, res, why = pcall(d.legal, self, role, d.has_param and param or nil)
      if not fine then return false, res end
      return res and true or false
    end
    return ok and true or false
  end
  function S.commitments(_, r)
    local who = r or role
    local out, k = {}, 0
    for i = 1, #comms do
      local c = comms[i]
      if c.pending and (not who or c.party[who]) and (not role or c.public or c.party[role]) then
        k = k + 1
        out[k] = { agreement = c.agreement, deadline = c.deadline, public = c.public,
                   term = c.term, param = c.param, giver = c.giver, parties = { unpack(c.parties) } }
      end
    end
    return out
  end
  function S.trust(_, r) return trust[r] end
  return S
end

local truth, views = nil, {}

-- Static declarations from floor.c: roles, tracks (min, max, labels), visibility,
-- actions (who may order them, parameter range), turns, dates, outcomes and ranks, and
-- the keys of the callbacks traced.
function M.setup(st, keys)
  ST = st
  for _, a in pairs(ST.actions) do a.legal = find_fn("action:" .. a.id .. ":legal") end
  M.fn = {}
  for i, k in ipairs(keys) do M.fn[i] = find_fn(k) end
  truth = make_state(nil)
  views = {}
  for i, r in ipairs(ST.roles) do views[i] = make_state(r) end
end

function M.new_game(game)
  for _, r in ipairs(ST.roles) do est[r], err[r], told[r] = {}, {}, {} end
  tr, fired, trust, orders, comms = {}, {}, {}, {}, {}
  for _, r in ipairs(ST.roles) do est[r], err[r], told[r] = {}, {}, {} end
  turn, news, n_news, ended = 0, {}, 0, nil
  RQ, RP = game.rq, 0
end

local function apply(d)
  for i = 1, #d, 5 do
    local code, x, y, v, e = d[i], d[i + 1], d[i + 2], d[i + 3], d[i + 4]
    if code == 1 then tr[x] = v
    elseif code == 2 then est[x][y], err[x][y] = v, e
    elseif code == 3 then fired[x] = v
    elseif code == 4 then told[x][y] = v
    elseif code == 5 then turn = v
    elseif code == 6 then trust[x] = v
    elseif code == 7 then orders = v
    else comms = v end
  end
end

-- After verifying, the trace in flat arrays (callback, view, three arguments; deltas by
-- event), and the rest dropped: the floor's collector then traverses a few arrays, not a
-- table per callback.
function M.compact(game)
  local K, V, A1, A2, A3, D = {}, {}, {}, {}, {}, {}
  for i, e in ipairs(game.ev) do
    K[i], V[i], A1[i], A2[i], A3[i], D[i] = e.k, e.v, e[1], e[2], e[3], e.d or false
  end
  game.ev = nil
  game.K, game.V, game.A1, game.A2, game.A3, game.D = K, V, A1, A2, A3, D
end

-- Replays events from..to of one game (the measured loop: nothing but the callbacks).
function M.replay(game, from, to)
  local K, V, A1, A2, A3, D, fn = game.K, game.V, game.A1, game.A2, game.A3, game.D, M.fn
  for i = from, to do
    local d = D[i]
    if d then apply(d) end
    local v = V[i]
    fn[K[i]](v == 0 and truth or views[v], A1[i], A2[i], A3[i])
  end
end

-- ---- verification ----

local function ser(x, seen)
  local t = type(x)
  if t == "table" then
    local keys = {}
    for k in pairs(x) do keys[#keys + 1] = k end
    table.sort(keys, function(a, b)
      if type(a) == type(b) then return a < b end
      return type(a) < type(b)
    end)
    local parts = {}
    for _, k in ipairs(keys) do parts[#parts + 1] = ser(k) .. "=" .. ser(x[k]) end
    return "{" .. table.concat(parts, ",") .. "}"
  elseif t == "string" then
    return string.format("%q", x)
  elseif mtype(x) == "float" and x == floor(x) and tointeger(x) then
    return tostring(tointeger(x))
  end
  return tostring(x)
end
M.ser = ser

-- The hash of every track, in the declared order, as floor.c computes it.
local function track_hash()
  local h = 0
  for _, t in ipairs(ST.tracks) do h = h * 1000003 + tr[t] end
  return h
end

local function counting(S)
  local C = {}
  for name, f in pairs(S) do
    C[name] = function(...)
      counts[name] = (counts[name] or 0) + 1
      return f(...)
    end
  end
  return C
end

-- Replays a whole game checking each callback's results and the tracks after it
-- against niact's; returns nil, or the first difference as a sentence.
function M.verify(game, keys)
  counts = {}
  local ct, cv = counting(truth), {}
  for i, s in ipairs(views) do cv[i] = counting(s) end
  local ev, fn = game.ev, M.fn
  for i = 1, #ev do
    local e = ev[i]
    if e.d then apply(e.d) end
    local res = { fn[e.k](e.v == 0 and ct or cv[e.v], e[1], e[2], e[3]) }
    local want, got = ser(e.res), ser(res)
    if want ~= got then
      return string.format("event %d (%s): niact returned %s, the floor %s", i, keys[e.k],
                           want, got)
    end
    if e.h ~= track_hash() then
      return string.format("event %d (%s): the tracks differ after it", i, keys[e.k])
    end
  end
  if RP ~= #RQ then
    return string.format("the floor drew %d of niact's %d dice", RP, #RQ)
  end
  for name, n in pairs(game.counts) do
    if (counts[name] or 0) ~= n then
      return string.format("state:%s called %d times by niact, %d by the floor", name, n,
                           counts[name] or 0)
    end
  end
  for name, n in pairs(counts) do
    if not game.counts[name] then
      return string.format("state:%s called %d times by the floor, never by niact", name, n)
    end
  end
  if (ended or "") ~= (game.ended or "") then
    return string.format("outcome: niact %s, the floor %s", game.ended or "none", ended or "none")
  end
  return nil
end

function M.calls()
  local n = 0
  for _, c in pairs(counts or {}) do n = n + c end
  return n
end

return M
