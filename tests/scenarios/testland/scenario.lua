-- Testland: a small scenario that uses every feature of the scenario API, for the
-- engine's tests. Its roles have November 1962's ids.
local util = require("util")
local helpers = require("helpers")

local function r(id, name, ap)
  return niact.role{ id = id, name = name, action_points = ap,
                     briefing = "# " .. name .. "\nYou hold the " .. id .. " seat." }
end

return niact.scenario{
  api_version = 2,
  name = "Testland",
  version = "1.0",
  text = "A test crisis.",
  source = "invented for tests",
  calendar = { start = "1962-11-01", days_per_turn = 3, turns = 6 },
  roles = { r("us", "United States", 3), r("ussr", "Soviet Union", 3), r("un", "United Nations", 2) },
  tracks = {
    niact.track{ id = "tension", name = "Tension", min = 1, max = 5, initial = 3, ladder = true,
                 labels = { "calm", "wary", "tense", "brink", "war" }, source = "test" },
    niact.track{ id = "missiles", name = "Missiles", min = 0, max = 40, initial = 40,
                 visible = { all = "true", us = "estimate", un = "none" },
                 estimate = { value = 30, error = 10 }, group = "weapons" },
    niact.track{ id = "verified", name = "Verified", min = 0, max = 100, initial = 0 },
    niact.track{ id = "pressure", name = "Pressure", min = 0, max = 10, initial = 2,
                 visible = { all = "none", us = "true" } },
    niact.track{ id = "secret", name = "Secret counter", min = 0, max = 1000, initial = 0,
                 hidden = true },
  },
  actions = {
    niact.action{ id = "recon", name = "Fly reconnaissance", roles = { "us" }, cost = 1,
                  priority = 10, text = "Look at the missiles.",
                  resolve = function(state, role)
                    state:observe(role, "missiles", 2)
                    state:report(role, "Reconnaissance counted missiles.")
                  end },
    niact.action{ id = "pressure", name = "Press", roles = { "us" }, cost = 2,
                  param = { name = "steps", min = 1, max = 2, default = 1 },
                  resolve = function(state, role, steps)
                    helpers.bump(state, "tension", steps)
                    state:log("The United States pressed by " .. steps .. ".")
                  end },
    niact.action{ id = "remove", name = "Remove missiles", roles = { "ussr" }, cost = 1,
                  param = { name = "count", min = 1, max = 20, default = 10 },
                  legal = function(state, role, count)
                    return state:get("missiles") > 0, "no missiles are left to remove"
                  end,
                  resolve = function(state, role, count)
                    state:add("missiles", -count)
                    state:add("verified", count)
                  end },
    niact.action{ id = "stall", name = "Stall", roles = { "ussr" }, cost = 1, priority = 5,
                  resolve = function(state) state:add("secret", 1) end },
    niact.action{ id = "mediate", name = "Mediate", roles = { "un" }, cost = 1, priority = 90,
                  resolve = function(state)
                    if state:ordered("us", "pressure") then
                      state:log("Mediation failed under pressure.", { "us", "ussr", "un" })
                    else
                      state:add("tension", -1)
                    end
                  end },
    niact.action{ id = "wait", name = "Wait", roles = { "us", "ussr", "un" }, cost = 0,
                  repeatable = true, resolve = function() end },
  },
  events = {
    niact.event{ id = "election", name = "Election", date = "1962-11-06",
                 effect = function(state) state:add("pressure", 3) end, source = "test" },
    niact.event{ id = "talks", name = "Talks", turn = 4,
                 effect = function(state) state:log("Talks opened on " .. state:date() .. ".") end },
    niact.event{ id = "incident", name = "Incident", chance = 25, once = false,
                 condition = function(state) return state:get("tension") >= 4 end,
                 effect = function(state)
                   state:add("tension", 1)
                   state:log("An incident at sea.")
                 end },
  },
  objectives = {
    niact.objective{ id = "us_removal", role = "us", weight = 2,
                     score = function(state) return util.scale(state:get("missiles"), 40, 0) end },
    niact.objective{ id = "us_calm", role = "us", weight = 1,
                     score = function(state) return util.scale(state:get("tension"), 5, 1) end },
    niact.objective{ id = "ussr_keep", role = "ussr",
                     score = function(state) return util.scale(state:get("missiles"), 0, 40) end },
    niact.objective{ id = "un_peace", role = "un",
                     score = function(state) return state:get("tension") <= 3 and 80 or 20 end },
  },
  terms = {
    niact.term{ id = "remove_within", name = "Missiles removed within N days", givers = { "ussr" },
                param = { name = "days", min = 3, max = 60, default = 30 }, window = "days",
                source = "test",
                check = function(state, giver, days)
                  if state:get("missiles") == 0 then return true end
                end,
                on_broken = function(state, giver) state:add("tension", 1) end,
                value = function(state, role, giver, days)
                  if role == "us" then return 30 - days / 3 end
                  if role == "ussr" then return -20 end
                  return 5
                end },
    niact.term{ id = "stop_pressure", name = "No more pressure", givers = { "us" }, window = 2,
                on_agree = function(state, giver) state:add("tension", -1) end,
                check = function(state, giver, param, info)
                  if state:ordered("us", "pressure") then return false end
                  if state:turn() >= info.deadline then return true end
                end,
                value = function(state, role)
                  if role == "us" then return -5 end
                  if role == "ussr" then return 8 * state:get("tension") end
                  return 5
                end },
    niact.term{ id = "berlin_talks", name = "Talks on Berlin", givers = { "us", "ussr" },
                legal = function(state, from)
                  if state:get("missiles") > 0 then return false, "missiles are still in Testland" end
                  return true
                end,
                source = "linkage test" },
  },
  setup = function(state) state:set("verified", 0) end,
  turn_start = function(state) state:add("secret", 10) end,
  turn_end = function(state)
    if state:get("verified") >= 40 then state:end_game("settlement", "Verified removal.") end
  end,
  end_check = function(state)
    if state:get("tension") >= 5 then return "war", "Testland went to war." end
    return nil
  end,
  personalities = {
    historical = {
      us = function(state, role) return { { "recon" } } end,
      ussr = function(state, role)
        if state:legal("remove", 10) then return { { "remove", 10 } } end
        return {}
      end,
      un = function(state, role) return { { action = "mediate" } } end,
    },
    hawk = {
      us = function(state, role) return { { "pressure", 2 } } end,
      ussr = function(state, role) return { "stall" } end,
      un = function(state, role) return {} end,
    },
  },
}
