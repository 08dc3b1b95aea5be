-- Probe of the opponent model: the Soviet seat plays one of two personalities, chosen by
-- the test. The hawk mobilizes on turn 1 and strikes on turn 2; the dove stands down on
-- turn 1 and talks on turn 2. Its first move shows on a track every seat sees
-- (`posture`); its second is given with the UN's and shows only when the game is over.
-- On turn 2 the UN may shelter (pays 100 if the Soviet seat strikes, else 0) or mediate
-- (100 if it talks, else 0); no order pays 50. A search that plans against a uniform
-- draw of the personalities sees both answers as even and is right about half the time;
-- one whose histories remember which personality played them, and keeps those that
-- match the posture it saw, is right nearly always (tests/ai/test_probe.c,
-- test_probe_opponent).
local function on_turn(n) return function(state) return state:turn() == n end end
local function set(track, v) return function(state) state:set(track, v) end end

return niact.scenario{
  name = "Probe: who the other seat is",
  calendar = { start = "1962-11-01", days_per_turn = 1, turns = 2 },
  roles = { niact.role{ id = "us", name = "United States", action_points = 1 },
            niact.role{ id = "ussr", name = "Soviet Union", action_points = 1 },
            niact.role{ id = "un", name = "United Nations", action_points = 1 } },
  tracks = {
    niact.track{ id = "payoff", min = 0, max = 100, initial = 50 },
    niact.track{ id = "posture", min = 0, max = 2, initial = 1 },
    -- the turn-2 orders, read when the turn ends; no seat sees them
    niact.track{ id = "move", min = 0, max = 2, initial = 0, hidden = true },
    niact.track{ id = "choice", min = 0, max = 2, initial = 0, hidden = true },
  },
  actions = {
    niact.action{ id = "mobilize", roles = { "ussr" }, cost = 1, legal = on_turn(1),
                  resolve = set("posture", 2) },
    niact.action{ id = "stand_down", roles = { "ussr" }, cost = 1, legal = on_turn(1),
                  resolve = set("posture", 0) },
    niact.action{ id = "strike", roles = { "ussr" }, cost = 1, legal = on_turn(2),
                  resolve = set("move", 1) },
    niact.action{ id = "talk", roles = { "ussr" }, cost = 1, legal = on_turn(2),
                  resolve = set("move", 2) },
    niact.action{ id = "shelter", roles = { "un" }, cost = 1, legal = on_turn(2),
                  resolve = set("choice", 1) },
    niact.action{ id = "mediate", roles = { "un" }, cost = 1, legal = on_turn(2),
                  resolve = set("choice", 2) },
  },
  turn_end = function(state)
    local c = state:get("choice")
    if state:turn() == 2 and c > 0 then
      state:set("payoff", c == state:get("move") and 100 or 0)
    end
  end,
  objectives = {
    niact.objective{ id = "payoff", role = "un", score = function(state) return state:get("payoff") end },
  },
  personalities = {
    hawk = {
      ussr = function(state) return { { state:turn() == 1 and "mobilize" or "strike" } } end,
      un = function(state) return state:turn() == 2 and { { "shelter" } } or {} end,
    },
    dove = {
      ussr = function(state) return { { state:turn() == 1 and "stand_down" or "talk" } } end,
      un = function(state) return state:turn() == 2 and { { "mediate" } } or {} end,
    },
  },
}
