-- Probe of the seat's memory: on turn 1 the UN may send an envoy; the envoy is a hidden
-- variable no seat sees (not even the UN), and nothing shows it. On turn 2 the UN may
-- guess whether it sent one (right 100, wrong 0, no guess 50). The UN knows what it
-- ordered: a search that replays its own past orders in the histories it imagines
-- knows the answer and scores near 100; one that guesses its own past orders scores
-- about 50 (tests/ai/test_probe.c, test_probe_memory).
local function answer(said)
  return function(state)
    state:set("payoff", ((state:get("envoy") == 1) == said) and 100 or 0)
  end
end
local function on_turn(n) return function(state) return state:turn() == n end end

return niact.scenario{
  name = "Probe: the seat's own orders",
  calendar = { start = "1962-11-01", days_per_turn = 1, turns = 2 },
  roles = { niact.role{ id = "us", name = "United States", action_points = 1 },
            niact.role{ id = "ussr", name = "Soviet Union", action_points = 1 },
            niact.role{ id = "un", name = "United Nations", action_points = 1 } },
  tracks = {
    niact.track{ id = "payoff", min = 0, max = 100, initial = 50 },
    niact.track{ id = "envoy", min = 0, max = 1, initial = 0, hidden = true },
  },
  actions = {
    niact.action{ id = "send", roles = { "un" }, cost = 1, legal = on_turn(1),
                  resolve = function(state) state:set("envoy", 1) end },
    niact.action{ id = "yes", roles = { "un" }, cost = 1, legal = on_turn(2), resolve = answer(true) },
    niact.action{ id = "no", roles = { "un" }, cost = 1, legal = on_turn(2), resolve = answer(false) },
  },
  objectives = {
    niact.objective{ id = "payoff", role = "un", score = function(state) return state:get("payoff") end },
  },
}
