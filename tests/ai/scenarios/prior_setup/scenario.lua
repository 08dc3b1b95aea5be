-- Prior: the setup deals a card no seat sees, "high" four times in five. On turn 1 the
-- UN may guess it: right 100, wrong 0, no guess 50. The declared initial value is "low",
-- so an AI that took unseen values from the declarations on the first turn would guess
-- low and score about 20; one that simulates the setup's own chance guesses high and
-- scores about 80 (tests/ai/test_probe.c, test_prior_setup).
local function guess(said)
  return function(state)
    state:set("payoff", ((state:get("card") == 1) == said) and 100 or 0)
  end
end

return niact.scenario{
  name = "Prior: a card dealt at setup",
  calendar = { start = "1962-11-01", days_per_turn = 1, turns = 1 },
  roles = { niact.role{ id = "us", name = "United States", action_points = 1 },
            niact.role{ id = "ussr", name = "Soviet Union", action_points = 1 },
            niact.role{ id = "un", name = "United Nations", action_points = 1 } },
  tracks = {
    niact.track{ id = "payoff", min = 0, max = 100, initial = 50 },
    niact.track{ id = "card", min = 0, max = 1, initial = 0, hidden = true },
  },
  actions = {
    niact.action{ id = "yes", roles = { "un" }, cost = 1, resolve = guess(true) },
    niact.action{ id = "no", roles = { "un" }, cost = 1, resolve = guess(false) },
  },
  objectives = {
    niact.objective{ id = "payoff", role = "un", score = function(state) return state:get("payoff") end },
  },
  setup = function(state) state:set("card", state:roll(5) <= 4 and 1 or 0) end,
}
