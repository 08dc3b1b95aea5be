-- Probe: the hidden fact is another seat's estimate of a track the UN sees truly. On
-- turn 1 American agents size up the coin (true value 50, which the UN sees) with an
-- error of 50; on turn 2 the UN may guess whether the American estimate is above 50:
-- right 100, wrong 0, no guess 50.

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
  name = "Probe: another seat's estimate",
  calendar = { start = "1962-11-01", days_per_turn = 1, turns = 2 },
  roles = { niact.role{ id = "us", name = "United States", action_points = 1 },
            niact.role{ id = "ussr", name = "Soviet Union", action_points = 1 },
            niact.role{ id = "un", name = "United Nations", action_points = 1 } },
  tracks = {
    niact.track{ id = "payoff", min = 0, max = 100, initial = 50 },
    niact.track{ id = "coin", min = 0, max = 100, initial = 50,
                 visible = { all = "true", us = "estimate" },
                 estimate = { value = 50, error = 50 } },
  },
  actions = guess(function(state) return state:estimate("us", "coin") > 50 end),
  events = {
    niact.event{ id = "agents", name = "Agents", turn = 1,
                 effect = function(state)
                   state:observe("us", "coin", 50)
                   state:report("us", "Your agents sized up the coin.")
                 end },
  },
  objectives = {
    niact.objective{ id = "payoff", role = "un", score = function(state) return state:get("payoff") end },
  },
}
