-- Probe for scripted personalities: the hidden fact is whether a back channel opened on
-- turn 1 (even odds; only the United States and the Soviet Union are told). When it
-- opens it also sets a track the UN does not see (`channel`) and one the UN sees only as
-- an estimate it never observes (`gauge`). On turn 2 the UN may guess whether it opened:
-- right 100, wrong 0, no guess 50. Each personality of the UN reads the fact through one
-- channel a read-only view might leak by: the fire count, a legality test that reads the
-- unseen track, a legality test that reads the estimated one. A personality that sees
-- only its seat's view guesses blind (its mean is near 50); one that reads the truth
-- scores 100.
local function on_turn_2(state) return state:turn() == 2 end
local function answer(said)
  return function(state)
    state:set("payoff", ((state:fired("backchannel") > 0) == said) and 100 or 0)
  end
end

-- Guess yes when `yes` says so, else no (always a guess: never the 50 of passing).
local function guesser(yes)
  return function(state)
    if state:turn() ~= 2 then return {} end
    return { { yes(state) and "yes" or "no" } }
  end
end

return niact.scenario{
  name = "Probe: what a personality may know",
  calendar = { start = "1962-11-01", days_per_turn = 1, turns = 2 },
  roles = { niact.role{ id = "us", name = "United States", action_points = 1 },
            niact.role{ id = "ussr", name = "Soviet Union", action_points = 1 },
            niact.role{ id = "un", name = "United Nations", action_points = 1 } },
  tracks = {
    niact.track{ id = "payoff", min = 0, max = 100, initial = 50 },
    niact.track{ id = "channel", min = 0, max = 1, initial = 0,
                 visible = { all = "true", un = "none" } },
    niact.track{ id = "gauge", min = 0, max = 100, initial = 0,
                 visible = { all = "true", un = "estimate" },
                 estimate = { value = 0, error = 10 } },
  },
  actions = {
    niact.action{ id = "yes", roles = { "un" }, cost = 1, legal = on_turn_2, resolve = answer(true) },
    niact.action{ id = "no", roles = { "un" }, cost = 1, legal = on_turn_2, resolve = answer(false) },
    -- Never ordered: asked by the personalities below.
    niact.action{ id = "peek_channel", roles = { "un" }, cost = 1,
                  legal = function(state) return state:get("channel") == 1 end,
                  resolve = function() end },
    niact.action{ id = "peek_gauge", roles = { "un" }, cost = 1,
                  legal = function(state) return state:get("gauge") > 50 end,
                  resolve = function() end },
    niact.action{ id = "peek_fired", roles = { "un" }, cost = 1,
                  legal = function(state) return state:fired("backchannel") > 0 end,
                  resolve = function() end },
  },
  events = {
    niact.event{ id = "backchannel", name = "Back channel", turn = 1, chance = 50,
                 effect = function(state)
                   state:set("channel", 1)
                   state:set("gauge", 100)
                   state:report({ "us", "ussr" }, "A back channel is open.")
                 end },
  },
  objectives = {
    niact.objective{ id = "payoff", role = "un", score = function(state) return state:get("payoff") end },
  },
  personalities = {
    by_fired = { un = guesser(function(state) return state:fired("backchannel") > 0 end) },
    by_legal_channel = { un = guesser(function(state) return state:legal("peek_channel") end) },
    by_legal_gauge = { un = guesser(function(state) return state:legal("peek_gauge") end) },
    by_legal_fired = { un = guesser(function(state) return state:legal("peek_fired") end) },
  },
}
