-- Probe of the erratic partner: the scenario's personalities are all predictable (the
-- hawk dials 10 and strikes, the dove dials 0 and talks), but the Soviet seat the test
-- plays follows neither: it dials 6 on turn 1 and strikes or talks by a coin on turn 2.
-- On turn 2 the UN may shelter (pays 100 if the Soviet seat strikes, else 0), mediate
-- (100 if it talks, else 0) or hedge (75 whatever it does); no order pays 50. A search
-- whose model holds only the personalities explains a dial of 6 by the nearer one, the
-- hawk, shelters, and is right half the time (50 on average); one that also allows for an
-- erratic seat (a share of random histories) finds that they explain the dial better
-- and hedges (75). tests/ai/test_probe.c, test_probe_erratic.
local function on_turn(n) return function(state) return state:turn() == n end end
local function set(track, v) return function(state) state:set(track, v) end end

return niact.scenario{
  name = "Probe: an erratic partner",
  calendar = { start = "1962-11-01", days_per_turn = 1, turns = 2 },
  roles = { niact.role{ id = "us", name = "United States", action_points = 1 },
            niact.role{ id = "ussr", name = "Soviet Union", action_points = 1 },
            niact.role{ id = "un", name = "United Nations", action_points = 1 } },
  tracks = {
    niact.track{ id = "payoff", min = 0, max = 100, initial = 50 },
    niact.track{ id = "posture", min = 0, max = 10, initial = 5 },
    -- the turn-2 orders, read when the turn ends; no seat sees them
    niact.track{ id = "move", min = 0, max = 2, initial = 0, hidden = true },
    niact.track{ id = "choice", min = 0, max = 3, initial = 0, hidden = true },
  },
  actions = {
    niact.action{ id = "dial", roles = { "ussr" }, cost = 1, legal = on_turn(1),
                  param = { min = 0, max = 10, default = 5 },
                  resolve = function(state, role, n) state:set("posture", n) end },
    niact.action{ id = "strike", roles = { "ussr" }, cost = 1, legal = on_turn(2),
                  resolve = set("move", 1) },
    niact.action{ id = "talk", roles = { "ussr" }, cost = 1, legal = on_turn(2),
                  resolve = set("move", 2) },
    niact.action{ id = "shelter", roles = { "un" }, cost = 1, legal = on_turn(2),
                  resolve = set("choice", 1) },
    niact.action{ id = "mediate", roles = { "un" }, cost = 1, legal = on_turn(2),
                  resolve = set("choice", 2) },
    niact.action{ id = "hedge", roles = { "un" }, cost = 1, legal = on_turn(2),
                  resolve = set("choice", 3) },
  },
  turn_end = function(state)
    local c = state:get("choice")
    if state:turn() == 2 and c > 0 then
      state:set("payoff", c == 3 and 75 or c == state:get("move") and 100 or 0)
    end
  end,
  objectives = {
    niact.objective{ id = "payoff", role = "un", score = function(state) return state:get("payoff") end },
  },
  personalities = {
    hawk = {
      ussr = function(state) return { state:turn() == 1 and { "dial", 10 } or { "strike" } } end,
      un = function(state) return state:turn() == 2 and { { "shelter" } } or {} end,
    },
    dove = {
      ussr = function(state) return { state:turn() == 1 and { "dial", 0 } or { "talk" } } end,
      un = function(state) return state:turn() == 2 and { { "mediate" } } or {} end,
    },
  },
}
