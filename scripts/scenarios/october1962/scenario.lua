-- October 1962: the thirteen days, 16-28 October 1962, from the photographs to
-- Khrushchev's acceptance, with Cuba as a fourth seat. Written only through the public
-- scenario API (docs/modding.md); sources in sources.md.
local tracks = require("tracks")
local us = require("actions_us")
local ussr = require("actions_ussr")
local cuba = require("actions_cuba")
local un = require("actions_un")
local events = require("events")
local objectives = require("objectives")
local terms = require("terms")
local briefings = require("briefings")
local personalities = require("personalities")
local rules = require("rules")
local turning_points = require("turning_points")
local map = require("map")

local function concat(...)
  local out = {}
  for _, list in ipairs({ ... }) do
    for _, x in ipairs(list) do out[#out + 1] = x end
  end
  return out
end

return niact.scenario{
  api_version = 2,
  name = "October 1962: the thirteen days",
  version = "1.0",
  text = "From the U-2 photographs of the missile sites to Khrushchev's broadcast: "
      .. "thirteen days in which the United States, the Soviet Union, Cuba and the UN "
      .. "decide between a quarantine, a strike and a bargain.",
  subtitle = "The thirteen days: 16 to 28 October 1962",
  blurb = "October 1962: the missiles are found in Cuba. Four seats, thirteen days, one "
      .. "bargain.",
  source = "Dobbs; RFK; Tapes; F&N (sources.md)",
  map = map,
  debrief = briefings.debrief,
  calendar = { start = "1962-10-16", days_per_turn = 1, turns = 13 },
  roles = {
    niact.role{ id = "us", name = "United States", action_points = 3, briefing = briefings.us,
      text = "President Kennedy and the ExComm.", source = "Tapes" },
    niact.role{ id = "ussr", name = "Soviet Union", action_points = 3, briefing = briefings.ussr,
      text = "Chairman Khrushchev and the Presidium.", source = "F&N" },
    -- Havana was left out of the bargain: when no person or AI holds the seat, its
    -- historical personality plays it as a scripted actor.
    niact.role{ id = "cuba", name = "Cuba", action_points = 2, briefing = briefings.cuba,
      actor = "historical",
      text = "Prime Minister Fidel Castro's government.", source = "Dobbs" },
    niact.role{ id = "un", name = "United Nations", action_points = 2, briefing = briefings.un,
      text = "Acting Secretary-General U Thant.", source = "Dorn" },
  },
  tracks = tracks.list,
  actions = concat(us.list, ussr.list, cuba.list, un.list),
  events = concat(events.list, rules.events),
  objectives = objectives.list,
  terms = terms.list,
  -- Cold War bargaining: little trust to begin with, and a broken word costs more than a
  -- kept one earns; a proposal lapses at the end of the next day.
  negotiation = { trust = { start = 40, kept = 10, broken = 30 }, expiry = 1,
                  proposals_per_turn = 2 },
  outcomes = {
    settlement = { name = "settlement", stamp = "THE MISSILES GO",
      text = "Khrushchev has ordered the missiles out of Cuba." },
    trade = { name = "public trade", stamp = "MISSILES FOR MISSILES",
      text = "The missiles in Cuba for the missiles in Turkey, in public." },
    war = { name = "war", stamp = "WAR", zero_scores = true, rank = 2,
      text = "The Caribbean crisis has become a war between the United States and the "
          .. "Soviet Union." },
    standoff = { name = "standoff", stamp = "NO SETTLEMENT",
      text = "28 October ends with the missiles still in Cuba and the quarantine on the "
          .. "line: the crisis goes on." },
  },
  timeout = "standoff",
  setup = rules.setup,
  turn_end = rules.turn_end,
  end_check = rules.end_check,
  personalities = personalities,
  turning_points = turning_points.list,
}
