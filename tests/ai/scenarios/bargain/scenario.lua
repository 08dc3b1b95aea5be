-- Bargain: a small invented crisis for the negotiating AI's tests (tests/ai/test_negotiate.c).
-- North wants a survey of the southern coast; South would rather have its cargo counted at
-- port and wants aid; East can broker a ceasefire only if South consents. Every term's
-- worth is a plain number, so the tests can check what a package is worth to each side.
local function worth(role, north, south, east)
  if role == "north" then return north elseif role == "south" then return south end
  return east
end

local function flag(id) return niact.track{ id = id, min = 0, max = 1, initial = 0 } end

local function set_flag(id)
  return function(state) state:set(id, 1) end
end

return niact.scenario{
  api_version = 2,
  name = "Bargain",
  calendar = { start = "1970-03-01", days_per_turn = 1, turns = 10 },
  roles = { niact.role{ id = "north", name = "North", action_points = 2 },
            niact.role{ id = "south", name = "South", action_points = 2 },
            niact.role{ id = "east", name = "East", action_points = 2 } },
  negotiation = { trust = { start = 50, kept = 10, broken = 25 }, expiry = 1,
                  proposals_per_turn = 3 },
  tracks = { flag("surveyed"), flag("counted"), flag("aided"), flag("consent"), flag("ceasefire"),
             flag("paid") },
  actions = {
    niact.action{ id = "allow_survey", roles = { "south" }, cost = 1, resolve = set_flag("surveyed") },
    niact.action{ id = "count_cargo", roles = { "south" }, cost = 1, resolve = set_flag("counted") },
    niact.action{ id = "consent", roles = { "south" }, cost = 1, resolve = set_flag("consent") },
    niact.action{ id = "pay", roles = { "south" }, cost = 1, resolve = set_flag("paid") },
    niact.action{ id = "send_aid", roles = { "north" }, cost = 1, resolve = set_flag("aided") },
    niact.action{ id = "broker", roles = { "east" }, cost = 1,
                  resolve = function(state)
                    if state:get("consent") == 1 then state:set("ceasefire", 1) end
                  end },
    niact.action{ id = "wait", roles = { "north", "south", "east" }, cost = 0, repeatable = true,
                  resolve = function() end },
  },
  terms = {
    niact.term{ id = "survey", name = "Survey of the southern coast", givers = { "south" },
                window = 2, check = function(state) if state:get("surveyed") == 1 then return true end end,
                value = function(state, role) return worth(role, 30, -20, 0) end },
    niact.term{ id = "count_at_port", name = "Cargo counted at port", givers = { "south" },
                window = 2, check = function(state) if state:get("counted") == 1 then return true end end,
                value = function(state, role) return worth(role, 15, -5, 0) end },
    niact.term{ id = "aid", name = "Aid shipments of N tons", givers = { "north" },
                param = { name = "tons", min = 10, max = 90, default = 30 }, window = 2,
                check = function(state) if state:get("aided") == 1 then return true end end,
                value = function(state, role, giver, tons)
                  return worth(role, -tons / 3, tons * 0.8, 0)
                end },
    niact.term{ id = "ceasefire", name = "Ceasefire brokered", givers = { "east" }, window = 2,
                check = function(state) if state:get("ceasefire") == 1 then return true end end,
                value = function(state, role) return worth(role, 10, 0, 10) end },
    niact.term{ id = "tribute", name = "Tribute paid", givers = { "south" }, window = 2,
                check = function(state) if state:get("paid") == 1 then return true end end,
                value = function(state, role) return worth(role, 20, -21, 0) end },
    niact.term{ id = "late_survey", name = "Deep survey", givers = { "south" }, window = 2,
                legal = function(state) return state:turn() >= 5, "not before the fifth day" end,
                check = function(state) if state:get("surveyed") == 1 then return true end end,
                value = function(state, role) return worth(role, 60, -80, 0) end },
  },
  -- The scores follow the terms' worth: what a term is worth to a seat is what it does to
  -- the seat's score once kept (so the search AI, which plays for its score, agrees).
  objectives = {
    niact.objective{ id = "north", role = "north", score = function(state)
      return 50 + 30 * state:get("surveyed") + 15 * state:get("counted") - 20 * state:get("aided")
             + 10 * state:get("ceasefire") + 20 * state:get("paid") end },
    niact.objective{ id = "south", role = "south", score = function(state)
      return 50 - 20 * state:get("surveyed") - 5 * state:get("counted") + 24 * state:get("aided")
             - 21 * state:get("paid") end },
    niact.objective{ id = "east", role = "east", score = function(state)
      return 50 + 10 * state:get("ceasefire") end },
  },
  personalities = {
    -- South refuses any survey, and says so; the generic AI counters.
    stubborn = {
      north = function() return {} end,
      east = function() return {} end,
      south = { orders = function() return {} end,
                answer = function(state, p)
                  for _, t in ipairs(p.terms) do
                    if t.term == "survey" then return false, "No survey of our coast." end
                  end
                  return nil
                end },
    },
  },
}
