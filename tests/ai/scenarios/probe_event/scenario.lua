-- Probe: the hidden fact is whether an event fired. On turn 1 a back channel opens with
-- even odds; only the United States and the Soviet Union are told. On turn 2 the UN
-- may guess whether it opened: right 100, wrong 0, no guess 50. The event changes no
-- track: its fire count is the only trace of it.

-- The guess (the same in every probe): on turn 2 the UN may order `yes` or `no`; right
-- pays 100, wrong 0, no guess 50 (its score is `payoff`).
local function guess(fact)
  local function answer(said)
    return function(state)
      state:set("payoff", (fact(state) == said) and 100 or 0)
    end
  end
  local function on_turn_2(state) return state:turn() == 2 end
  return {
    niact.action{ id = "yes", roles = { "un" }, cost = 1, legal = on_turn_2, resolve = answer(true) },
    niact.action{ id = "no", roles = { "un" }, cost = 1, legal = on_turn_2, resolve = answer(false) },
  }
end

return niact.scenario{
  name = "Probe: an event the UN was not told of",
  calendar = { start = "1962-11-01", days_per_turn = 1, turns = 2 },
  roles = { niact.role{ id = "us", name = "United States", action_points = 1 },
            niact.role{ id = "ussr", name = "Soviet Union", action_points = 1 },
            niact.role{ id = "un", name = "United Nations", action_points = 1 } },
  tracks = { niact.track{ id = "payoff", min = 0, max = 100, initial = 50 } },
  actions = guess(function(state) return state:fired("backchannel") > 0 end),
  events = {
    niact.event{ id = "backchannel", name = "Back channel", turn = 1, chance = 50,
                 effect = function(state)
                   state:report({ "us", "ussr" }, "A back channel is open.")
                 end },
  },
  objectives = {
    niact.objective{ id = "payoff", role = "un", score = function(state) return state:get("payoff") end },
  },
}
