-- Probe of the record: the setup deals a card no seat sees and shows it on a signal every
-- seat sees; the first turn's resolution sets the signal back to 0. On turn 2 the UN may
-- guess the card (right 100, wrong 0, no guess 50). The card is not seen, but the signal
-- was: a seat that conditions its sampled histories on the public record (the history of
-- what it saw) knows the card and scores near 100; one that matches only what it sees now
-- guesses blindly, about 50 (tests/ai/test_probe.c, test_probe_record).
local function answer(said)
  return function(state)
    state:set("payoff", ((state:get("card") == 1) == said) and 100 or 0)
  end
end
local function on_turn_2(state) return state:turn() == 2 end

return niact.scenario{
  name = "Probe: the public record",
  calendar = { start = "1962-11-01", days_per_turn = 1, turns = 2 },
  roles = { niact.role{ id = "us", name = "United States", action_points = 1 },
            niact.role{ id = "ussr", name = "Soviet Union", action_points = 1 },
            niact.role{ id = "un", name = "United Nations", action_points = 1 } },
  tracks = {
    niact.track{ id = "payoff", min = 0, max = 100, initial = 50 },
    niact.track{ id = "card", min = 0, max = 1, initial = 0, hidden = true },
    niact.track{ id = "signal", min = 0, max = 1, initial = 0 },
  },
  actions = {
    niact.action{ id = "yes", roles = { "un" }, cost = 1, legal = on_turn_2, resolve = answer(true) },
    niact.action{ id = "no", roles = { "un" }, cost = 1, legal = on_turn_2, resolve = answer(false) },
  },
  objectives = {
    niact.objective{ id = "payoff", role = "un", score = function(state) return state:get("payoff") end },
  },
  setup = function(state)
    local card = state:roll(2) == 1 and 1 or 0
    state:set("card", card)
    state:set("signal", card)
  end,
  turn_end = function(state) state:set("signal", 0) end,
}
