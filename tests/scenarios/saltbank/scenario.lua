-- The Saltbank dispute: a small fictional scenario for the tests. Two seats (the island
-- republic of Skerra and the kingdom of Vandmark), another sea, another year, another
-- clock: it shows that the calendar, the seats, the terms and the ends come from the
-- scenario, not from the engine. Everything in it is invented.
local util = require("util")

local function invented(what) return "invented for the tests: " .. what end

return niact.scenario{
  api_version = 2,
  name = "The Saltbank dispute",
  version = "1.0",
  text = "A fictional fisheries dispute in the northern seas: Skerra extends its fishing "
      .. "limit over the Saltbank, Vandmark's trawlers keep fishing, and the gunboats come out.",
  source = invented("the whole scenario"),
  calendar = { start = "1973-05-01", days_per_turn = 2, turns = 8 },
  -- Its own map, from its own folder: invented islands in another sea.
  map = niact.map{
    name = "The Saltbank, May 1973",
    region = { west = -25.0, east = -13.0, south = 49.5, north = 56.0 },
    projection = "mercator",
    coast = "maps/saltbank.geojson",
    focus = { "Skerra" },
    places = "maps/places.json",
    show = { "capital", "port" },
    routes = {
      niact.route{ id = "limit_50", name = "Skerra's 50-mile line", shown = true, dotted = true,
        points = { { -22.4, 52.2 }, { -19.4, 52.1 }, { -18.6, 53.4 }, { -19.6, 54.6 },
                   { -22.6, 54.7 } } },
    },
    layers = {
      niact.layer{ track = "trawlers", label = "Vandmark trawlers on the bank", symbol = "boat",
        at = { "saltbank", { -18.0, 51.7 }, { -18.8, 52.2 } }, steps = { 1, 10, 20 } },
      niact.layer{ track = "escort", label = "Frigates", symbol = "square",
        at = { { -17.6, 52.3 } } },
      niact.layer{ track = "limit", label = "Fishing limit", symbol = "ring", radius_km = 370,
        at = { "skerrahavn" }, at_least = 2 },
      niact.layer{ track = "net_cuts", label = "Nets cut", symbol = "diamond",
        at = { { -18.4, 51.6 } } },
    },
  },
  -- Old neighbours who distrust each other: trust starts low, a kept word counts for
  -- more than in the bundled games, proposals stay open two more turns, one a turn.
  negotiation = { trust = { start = 30, kept = 15, broken = 20 }, expiry = 2,
                  proposals_per_turn = 1 },
  outcomes = {
    accord = { name = "accord", stamp = "FISHERIES ACCORD",
      text = "Skerra and Vandmark sign a fisheries accord: a 50-mile limit and a quota." },
    cod_war = { name = "naval war", stamp = "SHOTS FIRED", zero_scores = true, rank = 2,
      text = "Shots are fired on the Saltbank: the dispute has become a naval war." },
    stalemate = { name = "stalemate", stamp = "NO ACCORD",
      text = "The season ends with the trawlers still on the bank and no accord." },
  },
  timeout = "stalemate",
  roles = {
    niact.role{ id = "skerra", name = "Skerra", action_points = 2,
      briefing = "# Skerra\nThe Saltbank is your living. Keep the foreign trawlers off it.",
      text = "A small island republic that lives from the sea.", source = invented("Skerra") },
    niact.role{ id = "vandmark", name = "Vandmark", action_points = 2,
      briefing = "# Vandmark\nYour trawlers have fished the Saltbank for a century.",
      text = "A larger kingdom with a distant-water fleet.", source = invented("Vandmark") },
  },
  tracks = {
    niact.track{ id = "tension", name = "Tension", ladder = true, min = 0, max = 5, initial = 1,
      labels = { "calm", "sharp words", "gunboats out", "warps cut", "rammings", "shots fired" },
      text = "How close the two navies are to shooting.", source = invented("the ladder") },
    niact.track{ id = "stock", name = "Fish on the Saltbank", min = 0, max = 100, initial = 60,
      visible = { all = "estimate", skerra = "true" },
      estimate = { vandmark = { value = 75, error = 15 } },
      text = "The spawning stock; Vandmark's scientists think it is healthier than it is.",
      source = invented("the stock") },
    niact.track{ id = "trawlers", name = "Vandmark trawlers on the bank", min = 0, max = 40,
      initial = 30, text = "Trawlers fishing inside Skerra's claimed limit.",
      source = invented("the fleet") },
    niact.track{ id = "limit", name = "Skerra's fishing limit", min = 0, max = 2, initial = 1,
      labels = { "12 miles", "50 miles", "200 miles" },
      text = "The limit Skerra claims.", source = invented("the limit") },
    niact.track{ id = "escort", name = "Vandmark frigates", min = 0, max = 1, initial = 0,
      labels = { "in port", "escorting the trawlers" }, source = invented("the navy"),
      text = "Whether Vandmark's navy protects its trawlers." },
    niact.track{ id = "net_cuts", name = "Nets cut", min = 0, max = 50, initial = 0,
      text = "Trawl warps cut by Skerra's gunboats.", source = invented("the cutters") },
    niact.track{ id = "catch", name = "Vandmark's catch (thousand tonnes)", min = 0, max = 200,
      initial = 0, text = "What Vandmark's trawlers have landed from the bank.",
      source = invented("the catch") },
    niact.track{ id = "opinion", name = "World opinion for Skerra", min = 0, max = 100,
      initial = 50, text = "Who the world thinks is in the right.", source = invented("opinion") },
    niact.track{ id = "accord", name = "Accord", min = 0, max = 2, initial = 0, hidden = true,
      text = "Terms agreed toward an accord: a quota and a recognized limit.",
      source = invented("the accord") },
  },
  actions = {
    niact.action{ id = "cut_nets", name = "Cut the trawlers' nets", roles = { "skerra" },
      cost = 1, priority = 20,
      text = "Gunboats cut the warps of trawlers inside the limit: trawlers -6 (-2 under "
          .. "escort), tension +1 (+2 under escort).",
      source = invented("net cutting"),
      legal = function(state) return state:get("trawlers") > 0, "no trawler is inside the limit" end,
      resolve = function(state)
        state:add("net_cuts", 1)
        state:add("trawlers", state:get("escort") == 1 and -2 or -6)
        state:add("tension", state:get("escort") == 1 and 2 or 1)
        state:log("Skerran gunboats cut the nets of Vandmark trawlers on the Saltbank.")
      end },
    niact.action{ id = "extend_limit", name = "Extend the fishing limit", roles = { "skerra" },
      cost = 2, priority = 10,
      text = "Claim 200 miles: world opinion -8, tension +1.",
      source = invented("the limit"),
      legal = function(state) return state:get("limit") < 2, "the limit is already 200 miles" end,
      resolve = function(state)
        state:add("limit", 1)
        state:add("opinion", -8)
        state:add("tension", 1)
        state:log("Skerra extends its fishing limit to 200 miles.")
      end },
    niact.action{ id = "appeal", name = "Appeal to the world", roles = { "skerra", "vandmark" },
      cost = 1, priority = 40, text = "Speeches and press: opinion moves 6 your way.",
      source = invented("diplomacy"),
      resolve = function(state, role)
        state:add("opinion", role == "skerra" and 6 or -6)
      end },
    niact.action{ id = "trawl", name = "Fish the bank", roles = { "vandmark" }, cost = 1,
      priority = 30, text = "Catch a fifth of the trawlers' number in thousand tonnes; the "
          .. "stock falls by as much.",
      source = invented("fishing"),
      resolve = function(state)
        local n = state:get("trawlers") // 5
        state:add("catch", n)
        state:add("stock", -n)
      end },
    niact.action{ id = "send_frigates", name = "Send the frigates", roles = { "vandmark" },
      cost = 1, priority = 10, text = "Escort the trawlers: nets are harder to cut; tension +1.",
      source = invented("the navy"),
      legal = function(state) return state:get("escort") == 0, "the frigates are already out" end,
      resolve = function(state)
        state:set("escort", 1)
        state:add("tension", 1)
        state:log("Vandmark frigates steam for the Saltbank.")
      end },
    niact.action{ id = "recall", name = "Recall frigates and half the trawlers",
      roles = { "vandmark" }, cost = 1, priority = 10,
      text = "Frigates to port, half the trawlers home: tension -1.",
      source = invented("de-escalation"),
      resolve = function(state)
        state:set("escort", 0)
        state:set("trawlers", state:get("trawlers") // 2)
        state:add("tension", -1)
      end },
  },
  events = {
    niact.event{ id = "regrowth", name = "The stock regrows",
      text = "Each turn the stock grows back by 2 (4 with fewer than 10 trawlers on the bank).",
      source = invented("biology"),
      effect = function(state)
        state:add("stock", state:get("trawlers") < 10 and 4 or 2)
      end },
    niact.event{ id = "storm", name = "Autumn gale", date = "1973-05-09",
      text = "A gale drives the trawlers off the bank for a while.", source = invented("weather"),
      effect = function(state)
        state:add("trawlers", -4)
        state:log("A gale on " .. state:date() .. " drives trawlers off the Saltbank.")
      end },
    niact.event{ id = "cooling", name = "Tempers cool",
      text = "A turn without cut nets or frigates sent lowers tension a step.",
      source = invented("calm"),
      condition = function(state)
        return not state:ordered("skerra", "cut_nets") and not state:ordered("vandmark", "send_frigates")
      end,
      effect = function(state) if state:get("tension") > 0 then state:add("tension", -1) end end },
    niact.event{ id = "ramming", name = "Ramming", chance = 30, once = false,
      text = "At 'warps cut' or above, a frigate and a gunboat may collide.",
      source = invented("incidents"),
      condition = function(state) return state:get("tension") >= 3 end,
      effect = function(state)
        state:add("tension", 1)
        state:log("A Vandmark frigate and a Skerran gunboat collide on the Saltbank.")
      end },
  },
  objectives = {
    niact.objective{ id = "skerra_stock", role = "skerra", weight = 2, name = "The stock saved",
      score = function(state) return state:get("stock") end, source = invented("aim") },
    niact.objective{ id = "skerra_opinion", role = "skerra", weight = 1, name = "The world agrees",
      score = function(state) return state:get("opinion") end, source = invented("aim") },
    niact.objective{ id = "vandmark_catch", role = "vandmark", weight = 2, name = "The catch",
      score = function(state) return util.scale(state:get("catch"), 0, 40) end,
      source = invented("aim") },
    niact.objective{ id = "vandmark_opinion", role = "vandmark", weight = 1, name = "The world agrees",
      score = function(state) return 100 - state:get("opinion") end, source = invented("aim") },
  },
  terms = {
    niact.term{ id = "quota", name = "Trawlers on the bank at most N", givers = { "vandmark" },
      param = { name = "trawlers", min = 0, max = 30, default = 12 }, window = 2,
      text = "Vandmark keeps no more than N trawlers on the bank within two turns.",
      source = invented("a quota"),
      on_agree = function(state) state:add("accord", 1) end,
      check = function(state, giver, n) if state:get("trawlers") <= n then return true end end,
      value = function(state, role, giver, n)
        if role == "skerra" then return 30 - n end
        return n - 12
      end },
    niact.term{ id = "limit_recognized", name = "The 50-mile limit recognized",
      givers = { "vandmark" }, window = 1,
      text = "Vandmark recognizes a 50-mile limit (Skerra gives up 200).",
      source = invented("a limit"),
      legal = function(state) return state:get("limit") <= 1, "not while Skerra claims 200 miles" end,
      on_agree = function(state) state:add("accord", 1) end,
      check = function(state) return true end,
      value = function(state, role) return role == "skerra" and 25 or -10 end },
    niact.term{ id = "no_cutting", name = "No nets cut for N days", givers = { "skerra" },
      param = { name = "days", min = 2, max = 16, default = 4 }, window = "days",
      text = "Skerra's gunboats cut no nets for N days.", source = invented("a truce"),
      check = function(state, giver, days, info)
        if state:ordered("skerra", "cut_nets") then return false end
        if state:turn() >= info.deadline then return true end
      end,
      value = function(state, role, giver, days)
        return role == "vandmark" and days * 4 or -days
      end },
  },
  end_check = function(state)
    if state:get("tension") >= 5 then return "cod_war" end
    if state:get("accord") >= 2 then return "accord" end
  end,
  personalities = {
    stubborn = {
      skerra = function(state)
        return { { "cut_nets" }, { "appeal" } }
      end,
      vandmark = function(state)
        if state:get("tension") >= 3 then return { { "recall" }, { "trawl" } } end
        return { { "trawl" }, { "send_frigates" }, { "appeal" } }
      end,
    },
  },
}
