-- November 1962: the weeks after Khrushchev's acceptance of 28 October. Built on State
-- Department telegram 1158 (1 November 1962) and the record in history.md. One file per
-- concern; this one assembles them and holds the turn hooks.
local tracks = require("tracks")
local us = require("actions_us")
local ussr = require("actions_ussr")
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
  name = "November 1962",
  version = "1.0",
  text = "The Cuban missile crisis after the crisis: Khrushchev has promised to remove the "
      .. "missiles, but nobody can yet prove it. Verify, bargain and avoid the cycle of "
      .. "action and reaction that would lead back to the brink.",
  subtitle = "After the crisis: 1 November - 6 December 1962",
  blurb = "November 1962: the missiles are promised to leave Cuba, but nobody can yet "
      .. "prove it.",
  source = "telegram 1158; XI-132",
  map = map,
  debrief = briefings.debrief,
  calendar = { start = "1962-11-01", days_per_turn = 3, turns = 12 },
  roles = {
    niact.role{ id = "us", name = "United States", action_points = 3, briefing = briefings.us,
      text = "The Kennedy administration; McCloy and Stevenson at the UN.",
      source = "telegram 1158" },
    niact.role{ id = "ussr", name = "Soviet Union", action_points = 3,
      briefing = briefings.ussr,
      text = "Khrushchev's government; Mikoyan in Havana, Kuznetsov in New York.",
      source = "NSA-393; XI-135" },
    niact.role{ id = "un", name = "United Nations", action_points = 2, briefing = briefings.un,
      text = "Acting Secretary-General U Thant and his staff.",
      source = "Dorn" },
  },
  tracks = tracks.list,
  actions = concat(us.list, ussr.list, un.list),
  events = concat(events.list, rules.events),
  objectives = objectives.list,
  terms = terms.list,
  setup = rules.setup,
  turn_end = rules.turn_end,
  end_check = rules.end_check,
  personalities = personalities,
  turning_points = turning_points.list,
  -- Lengths of game for a class (docs/teachers.md): the same twelve turns and rules, with
  -- the deadline a host sets on every turn. With each delegation at its own computer the
  -- teams write their orders at the same time, so a turn lasts as long as the deadline.
  variants = {
    niact.variant{ id = "lesson", name = "One lesson (about 45 minutes)",
      text = "All twelve turns, two and a half minutes each when hosted: a delegation that "
          .. "has not sent its orders in time plays what its historical delegation did. "
          .. "Five minutes to start, thirty of play, ten for the debrief.",
      deadline = 150, absent = "historical", minutes = 45 },
    niact.variant{ id = "seminar", name = "Double period (about 90 minutes)",
      text = "All twelve turns, five minutes each when hosted, for talks that take their "
          .. "time; late delegations play their historical orders. Leaves 25 minutes for "
          .. "the full debrief protocol.",
      deadline = 300, absent = "historical", minutes = 90 },
  },
}
