-- Misvalued: a term whose declared worth misleads (tests/ai/test_negotiate.c,
-- test_search_counters_by_playouts). South asks North for tribute (worth -10 to North,
-- as declared and as played). North may also open its port: declared as costing it 30,
-- it in fact raises North's score by 40 once kept. By the terms' values no counter
-- helps North; by its playouts the open port does, so a North that searches counters
-- with it, and one that judges by the values alone does not.
local function flag(id) return niact.track{ id = id, min = 0, max = 1, initial = 0 } end
local function set_flag(id) return function(state) state:set(id, 1) end end
local function worth(role, north, south) if role == "north" then return north end return south end

return niact.scenario{
  api_version = 2,
  name = "Misvalued",
  calendar = { start = "1970-03-01", days_per_turn = 1, turns = 4 },
  roles = { niact.role{ id = "north", name = "North", action_points = 2 },
            niact.role{ id = "south", name = "South", action_points = 2 } },
  negotiation = { trust = { start = 50, kept = 10, broken = 25 }, expiry = 1,
                  proposals_per_turn = 3 },
  tracks = { flag("paid"), flag("opened"), flag("trade") },
  actions = {
    niact.action{ id = "pay", roles = { "north" }, cost = 1, resolve = set_flag("paid") },
    niact.action{ id = "open_port", roles = { "north" }, cost = 1, resolve = set_flag("opened") },
    niact.action{ id = "wait", roles = { "north", "south" }, cost = 0, repeatable = true,
                  resolve = function() end },
  },
  terms = {
    niact.term{ id = "tribute", name = "Tribute paid", givers = { "north" }, window = 2,
                check = function(state) if state:get("paid") == 1 then return true end end,
                value = function(state, role) return worth(role, -10, 10) end },
    niact.term{ id = "port", name = "Port opened", givers = { "north" }, window = 2,
                check = function(state) if state:get("opened") == 1 then return true end end,
                on_kept = function(state) state:set("trade", 1) end,
                value = function(state, role) return worth(role, -30, 5) end },
  },
  objectives = {
    niact.objective{ id = "north", role = "north", score = function(state)
      return 50 - 10 * state:get("paid") + 40 * state:get("trade") end },
    niact.objective{ id = "south", role = "south", score = function(state)
      return 50 + 10 * state:get("paid") + 5 * state:get("opened") end },
  },
}
