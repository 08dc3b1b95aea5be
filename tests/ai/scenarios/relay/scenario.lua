-- Relay: two orders of the same priority that pay only in one order. `fire` pays 60 gold
-- when the relay is primed, and `prime` primes it; both resolve at the same priority, so
-- the game resolves them in the order the seat gave them. The game lasts one turn: prime
-- then fire is the only way to the gold (dig pays 10). `fire` is declared first, so a
-- list sorted by action would fire before priming. The planner personality gives them in
-- the right order; the search must keep that order (test_mcts.c, test_resolution_order).
return niact.scenario{
  name = "Relay",
  calendar = { start = "1962-11-01", days_per_turn = 1, turns = 1 },
  roles = { niact.role{ id = "me", name = "Me", action_points = 2 },
            niact.role{ id = "foe", name = "Foe", action_points = 1 } },
  tracks = {
    niact.track{ id = "gold", min = 0, max = 300, initial = 0 },
    niact.track{ id = "primed", min = 0, max = 1, initial = 0 },
  },
  actions = {
    niact.action{ id = "fire", roles = { "me" }, cost = 1, priority = 50,
                  resolve = function(state)
                    if state:get("primed") == 1 then state:add("gold", 60) end
                  end },
    niact.action{ id = "prime", roles = { "me" }, cost = 1, priority = 50,
                  resolve = function(state) state:set("primed", 1) end },
    niact.action{ id = "dig", roles = { "me" }, cost = 1, priority = 50,
                  resolve = function(state) state:add("gold", 10) end },
    niact.action{ id = "wait", roles = { "foe" }, cost = 1, resolve = function() end },
  },
  objectives = {
    niact.objective{ id = "rich", role = "me",
                     score = function(state) return state:get("gold") // 3 end },
    niact.objective{ id = "calm", role = "foe", score = function() return 50 end },
  },
  personalities = {
    planner = { me = function() return { { "prime" }, { "fire" } } end },
  },
}
