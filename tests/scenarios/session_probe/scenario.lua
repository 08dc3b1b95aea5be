-- Session probe: a tiny scenario for tests/unit/test_session.c. Its legality tests give
-- known answers (a default that is refused while a nearer value is allowed, a refusal
-- with a reason and one without), so the session's options, parameter search and bare
-- reasons can be checked exactly.
return niact.scenario{
  name = "Session probe",
  version = "1.0",
  text = "Probes the session's questions.",
  calendar = { start = "1962-11-01", days_per_turn = 1, turns = 3 },
  roles = {
    niact.role{ id = "a", name = "Alpha", action_points = 3 },
    niact.role{ id = "b", name = "Beta", action_points = 2 },
  },
  tracks = {
    niact.track{ id = "level", name = "Level", min = 0, max = 100, initial = 10 },
    niact.track{ id = "hidden_to_b", name = "Seen by Alpha", min = 0, max = 10, initial = 5,
                 visible = { all = "none", a = "true" } },
  },
  actions = {
    niact.action{ id = "raise", name = "Raise", roles = { "a" }, cost = 1,
                  resolve = function(state, role)
                    state:add("level", 5)
                    state:add("hidden_to_b", 1)
                    state:log("Alpha raised the level.")
                  end },
    niact.action{ id = "dial", name = "Dial", roles = { "a" }, cost = 1,
                  param = { name = "setting", min = 0, max = 100, default = 50 },
                  legal = function(state, role, setting)
                    return setting <= 40 or setting == 56, "the dial sticks above 40"
                  end,
                  resolve = function() end },
    niact.action{ id = "closed", name = "Closed", roles = { "a", "b" }, cost = 1,
                  legal = function(state, role) return false, "closed today" end,
                  resolve = function() end },
    niact.action{ id = "mute", name = "Mute", roles = { "b" }, cost = 1,
                  legal = function(state, role) return false end,
                  resolve = function() end },
    niact.action{ id = "big", name = "Big", roles = { "a", "b" }, cost = 3,
                  resolve = function(state, role) state:report(role, "A big step.") end },
  },
  objectives = {
    niact.objective{ id = "a_level", role = "a", score = function(state) return state:get("level") end },
    niact.objective{ id = "b_calm", role = "b",
                     score = function(state) return 100 - state:get("level") end },
  },
}
