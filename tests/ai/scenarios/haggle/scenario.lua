-- Haggle: a narrow zone of agreement (tests/ai/test_negotiate.c, test_counter_small_step).
-- South asks North for a levy of N crowns and gives a grant in return. The grant is worth
-- 79 points to North and costs South 62; the levy costs North N/10 and brings South N/10.
-- A deal both gain from has 620 < N < 790. South asks 800: North refuses (-1); half or a
-- quarter of the way toward North (600) leaves South at a loss; an eighth (700) is inside
-- the zone (North +9, South +8). Both terms are delivered when agreed (`on_agree`), so a
-- searching North's playouts see exactly the worth the values declare (no order can
-- change either track: waiting is all a seat can do).
local function worth(role, north, south) if role == "north" then return north end return south end

return niact.scenario{
  api_version = 2,
  name = "Haggle",
  calendar = { start = "1970-03-01", days_per_turn = 1, turns = 4 },
  roles = { niact.role{ id = "north", name = "North", action_points = 2 },
            niact.role{ id = "south", name = "South", action_points = 2 } },
  negotiation = { trust = { start = 100, kept = 10, broken = 25 }, expiry = 1,
                  proposals_per_turn = 3 },
  tracks = { niact.track{ id = "levied", min = 0, max = 800, initial = 0 },
             niact.track{ id = "granted", min = 0, max = 1, initial = 0 } },
  actions = {
    niact.action{ id = "wait", roles = { "north", "south" }, cost = 0, repeatable = true,
                  resolve = function() end },
  },
  terms = {
    niact.term{ id = "levy", name = "Levy of N crowns", givers = { "north" }, window = 2,
                param = { name = "crowns", min = 0, max = 800, default = 400 },
                on_agree = function(state, giver, crowns) state:set("levied", crowns) end,
                check = function(state, giver, crowns)
                  if state:get("levied") >= crowns then return true end
                end,
                value = function(state, role, giver, crowns) return worth(role, -crowns / 10, crowns / 10) end },
    niact.term{ id = "grant", name = "Grant made", givers = { "south" }, window = 2,
                on_agree = function(state) state:set("granted", 1) end,
                check = function(state) if state:get("granted") == 1 then return true end end,
                value = function(state, role) return worth(role, 79, -62) end },
  },
  objectives = {
    niact.objective{ id = "north", role = "north", score = function(state)
      return 20 + 79 * state:get("granted") - state:get("levied") / 10 end },
    niact.objective{ id = "south", role = "south", score = function(state)
      return 50 - 62 * state:get("granted") + state:get("levied") / 10 end },
  },
}
