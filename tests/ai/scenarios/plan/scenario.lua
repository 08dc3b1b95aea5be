-- Plan: the search AI keeps its plan (the personality named historical) unless it has
-- evidence that something else is better (test_mcts.c, test_plan_kept). One action a
-- turn, two turns. `steady` pays 30 gold for sure; `gamble` pays 0 or 60 at even odds,
-- as much on average, so only the dice can make it look better; `dig` pays 5. On the
-- second turn `mine` opens and pays 90: the plan, which only ever orders `steady`, is
-- then plainly worse, and the search must leave it.
return niact.scenario{
  name = "Plan",
  calendar = { start = "1962-11-01", days_per_turn = 1, turns = 2 },
  roles = { niact.role{ id = "me", name = "Me", action_points = 1 },
            niact.role{ id = "foe", name = "Foe", action_points = 1 } },
  tracks = {
    niact.track{ id = "gold", min = 0, max = 300, initial = 0 },
  },
  actions = {
    niact.action{ id = "steady", roles = { "me" }, cost = 1,
                  resolve = function(state) state:add("gold", 30) end },
    niact.action{ id = "gamble", roles = { "me" }, cost = 1,
                  resolve = function(state)
                    if state:roll(2) == 1 then state:add("gold", 60) end
                  end },
    niact.action{ id = "dig", roles = { "me" }, cost = 1,
                  resolve = function(state) state:add("gold", 5) end },
    niact.action{ id = "mine", roles = { "me" }, cost = 1,
                  legal = function(state) return state:turn() == 2 end,
                  resolve = function(state) state:add("gold", 90) end },
    niact.action{ id = "wait", roles = { "foe" }, cost = 1, resolve = function() end },
  },
  objectives = {
    niact.objective{ id = "rich", role = "me",
                     score = function(state) return state:get("gold") // 3 end },
    niact.objective{ id = "calm", role = "foe", score = function() return 50 end },
  },
  personalities = {
    historical = { me = function() return { { "steady" } } end },
    bold = { me = function() return { { "gamble" } } end },
  },
}
