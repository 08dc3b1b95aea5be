-- Vault: a tiny scenario for the search AI's tests. One obvious good move (grab), one
-- obvious disaster (provoke: war), and a vault whose worth `me` only estimates (the
-- AI must act on its estimate, never on the hidden truth), and a mood `me` cannot see
-- at all that changes what grabbing yields.
return niact.scenario{
  name = "Vault",
  calendar = { start = "1962-11-01", days_per_turn = 1, turns = 3 },
  roles = { niact.role{ id = "me", name = "Me", action_points = 2 },
            niact.role{ id = "foe", name = "Foe", action_points = 1 } },
  tracks = {
    niact.track{ id = "gold", min = 0, max = 300, initial = 0 },
    niact.track{ id = "tension", min = 0, max = 5, initial = 0 },
    niact.track{ id = "vault", min = 0, max = 100, initial = 50,
                 visible = { all = "true", me = "estimate" },
                 estimate = { value = 50, error = 0 } },
    niact.track{ id = "mood", min = 0, max = 10, initial = 5,
                 visible = { all = "true", me = "none" } },
  },
  actions = {
    niact.action{ id = "grab", roles = { "me" }, cost = 1,
                  resolve = function(state) state:add("gold", 35 + state:get("mood")) end },
    niact.action{ id = "provoke", roles = { "me" }, cost = 1,
                  resolve = function(state) state:add("tension", 5) end },
    niact.action{ id = "open", roles = { "me" }, cost = 1,
                  resolve = function(state) state:add("gold", state:get("vault") - 50) end },
    niact.action{ id = "bet", roles = { "me" }, cost = 1, param = { min = 0, max = 9 },
                  resolve = function(state, role, n) state:add("gold", n == 7 and 5 or 0) end },
    niact.action{ id = "noise", roles = { "foe" }, cost = 1,
                  resolve = function(state) state:add("gold", -1) end },
  },
  objectives = {
    niact.objective{ id = "rich", role = "me",
                     score = function(state) return state:get("gold") // 3 end },
    niact.objective{ id = "spite", role = "foe",
                     score = function(state) return 100 - state:get("gold") // 3 end },
  },
  end_check = function(state)
    if state:get("tension") >= 5 then return "war", "War." end
  end,
}
