-- Probe: the hidden fact is a private agreement between the United States and the
-- Soviet Union (the test makes it, or not, on a coin). Its trace: a commitment, and
-- its immediate effect (`signed`, a variable no seat sees) at the next resolution. The
-- UN may guess whether there is a pact: right 100, wrong 0, no guess 50.

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
  name = "Probe: a private agreement",
  calendar = { start = "1962-11-01", days_per_turn = 1, turns = 2 },
  roles = { niact.role{ id = "us", name = "United States", action_points = 1 },
            niact.role{ id = "ussr", name = "Soviet Union", action_points = 1 },
            niact.role{ id = "un", name = "United Nations", action_points = 1 } },
  tracks = {
    niact.track{ id = "payoff", min = 0, max = 100, initial = 50 },
    niact.track{ id = "signed", min = 0, max = 1, initial = 0, hidden = true },
  },
  actions = guess(function(state)
    return state:get("signed") == 1 or #state:commitments() > 0
  end),
  terms = {
    niact.term{ id = "pact", name = "A secret pact", givers = { "us", "ussr" }, window = 4,
                on_agree = function(state) state:set("signed", 1) end },
  },
  objectives = {
    niact.objective{ id = "payoff", role = "un", score = function(state) return state:get("payoff") end },
  },
}
