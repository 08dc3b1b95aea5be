-- Terms for negotiation: what a proposal may offer or demand. A term is a promise to
-- act: the seat still has to give the orders, and `check` judges at each turn's end
-- whether it was kept (true), broken (false) or not yet (nil). The engine adjusts trust;
-- `on_broken` adds the scenario's own consequence. `value` is how much a term is worth
-- to a seat, for the AI; it reads only tracks every seat sees.
local C = require("common")
local T = {}

local function tp(n) return "telegram 1158, point " .. n end

-- A worth by role: us, ussr, un.
local function worth(role, us, ussr, un)
  if role == "us" then return us elseif role == "ussr" then return ussr end
  return un
end

T.list = {
  niact.term{ id = "suspend_low_flights", name = "Suspend low-level flights for N days",
    givers = { "us" }, param = { name = "days", min = 3, max = 30, default = 6 },
    window = "days",
    text = "The United States flies no low-level reconnaissance for the given days, counted "
        .. "after the turn of the agreement. Kept at the end of the period; broken by any "
        .. "low-level flight before it (Castro's anger +2). Possible once verification reaches 20.",
    source = tp(3) .. "; XI-135; XI-192",
    legal = function(state, from)
      return state:get("verification") >= 20,
        "verification must reach 20 first"
    end,
    on_agree = function(state) state:add("castro_anger", -1) end,
    check = function(state, giver, days, info)
      if state:ordered("us", "recon_low") then return false end
      if state:turn() >= info.deadline then return true end
    end,
    on_broken = function(state) state:add("castro_anger", 2) end,
    value = function(state, role, giver, days)
      -- Kennedy, 2 Nov: aerial surveillance continues until "an equally satisfactory
      -- international means of verification" exists; he refused Khrushchev's request of
      -- 14 Nov to end the overflights. The pause of 16-20 Nov was unilateral.
      local turns = days / 3
      local v = C.inspection_operating(state) and 1 or 12
      return worth(role, -v * turns, 2 * turns, 1 * turns)
    end },

  niact.term{ id = "inspect_at_sea", name = "Inspection at sea of departing ships",
    givers = { "ussr" }, window = 4,
    text = "Every missile leaves uncovered on deck for US ships to count. Kept when all "
        .. "are counted; broken by a covered shipment (US pressure +5, the bomber case hardens).",
    source = tp(1) .. "; XI-156; S-505",
    legal = function(state)
      return state:get("missile_stage") < 4,
        "the missiles have already left"
    end,
    check = function(state)
      if state:ordered("ussr", "ship_covered") then return false end
      if state:get("missile_stage") >= 5 then return true end
    end,
    on_broken = function(state)
      state:add("us_pressure", 5)
      state:add("il28_pressure", 2)
    end,
    value = function(state, role)
      if state:get("missile_stage") >= 4 then return 0 end   -- nothing left to count
      return worth(role, 40, -12, 10)
    end },

  niact.term{ id = "il28_out", name = "Remove the IL-28s within N days",
    givers = { "ussr" }, param = { name = "days", min = 15, max = 90, default = 30 },
    window = "days",
    text = "The Soviet Union removes the bombers within the given days (they leave 21 a "
        .. "turn, from the fourth turn after Moscow agrees them out). Kept when none is left; "
        .. "broken at the deadline: tension +1, Soviet prestige -4.",
    source = tp(7) .. "; XI-171; XI-196",
    legal = function(state) return state:get("il28_deal") < 3, "the IL-28s are already settled" end,
    check = function(state) if state:get("il28") == 0 then return true end end,
    on_broken = function(state)
      state:add("tension", 1)
      state:add("prestige", -4)
    end,
    value = function(state, role, giver, days)
      local soon = (90 - days) / 6
      return worth(role, 25 + soon, -15 - soon / 2, 5)
    end },

  niact.term{ id = "formal_pledge", name = "Formal non-invasion pledge",
    givers = { "us" }, window = 2,
    text = "The United States formalizes its undertaking not to invade Cuba. Kept when the "
        .. "pledge is formal; broken: Castro's anger +2. Not on the table before verification "
        .. "reaches 50.",
    source = tp(8) .. "; V-276",
    legal = function(state)
      return state:get("pledge") < 3 and state:get("verification") >= 50,
        "not before verification reaches 50 (or the pledge is already formal)"
    end,
    check = function(state) if state:get("pledge") == 3 then return true end end,
    on_broken = function(state) state:add("castro_anger", 2) end,
    value = function(state, role)
      -- ExComm, 13 Nov: no pledge without inspection on the ground
      local inspected = state:get("un_inspection") == 3 and state:get("un_scheme") == 1
      return worth(role, inspected and -8 or -80, 35, 5)
    end },

  niact.term{ id = "un_team", name = "UN inspection team on Cuban soil",
    givers = { "ussr", "un" }, window = 3,
    text = "UN observers verify the removal on the ground. Needs Moscow's consent and "
        .. "Cuba's (cooperation 6); kept when the team is at work.",
    source = tp(4) .. "; Dorn",
    legal = function(state)
      return state:get("un_inspection") < 3,
        "UN inspection is already operating"
    end,
    check = function(state)
      if state:get("un_inspection") == 3 and state:get("un_scheme") == 1 then return true end
    end,
    value = function(state, role, giver)
      -- the UN alone cannot deliver a team: Moscow and Havana must consent
      return worth(role, giver == "un" and 8 or 30, -15, 40)
    end },

  niact.term{ id = "icrc_ships", name = "ICRC inspects incoming ships",
    givers = { "ussr", "un" }, window = 3,
    text = "Red Cross inspectors acting for the UN check ships bound for Cuba. Kept when "
        .. "the inspection is at work.",
    source = tp(3) .. "; Fischer",
    legal = function(state)
      return state:get("icrc") < 3,
        "the ICRC inspection is already at work"
    end,
    check = function(state) if state:get("icrc") == 3 then return true end end,
    value = function(state, role) return worth(role, 12, -4, 20) end },

  niact.term{ id = "sams_out", name = "SAMs and technicians withdrawn",
    givers = { "ussr" }, window = 6,
    text = "The Soviet Union withdraws every SA-2 site (six a turn) and with them their "
        .. "crews. Kept when no site is left; broken: US pressure +3. Not on the table before "
        .. "the missiles have left.",
    source = tp(8),
    legal = function(state)
      return state:get("sams") > 0 and state:get("missile_stage") >= 4,
        "not before every missile has left Cuba"
    end,
    check = function(state) if state:get("sams") == 0 then return true end end,
    on_broken = function(state) state:add("us_pressure", 3) end,
    value = function(state, role) return worth(role, 15, -30, 0) end },

  niact.term{ id = "lift_quarantine", name = "Quarantine lifted",
    givers = { "us" }, window = 2,
    text = "The United States lifts the naval quarantine within two turns. Not on the "
        .. "table until every missile has left Cuba. Broken: Moscow feels cheated, tension +1.",
    source = tp(3) .. "; XI-196",
    legal = function(state)
      return state:get("quarantine") > 0 and state:get("missile_stage") >= 4,
        "not before every missile has left Cuba, or the quarantine is already lifted"
    end,
    check = function(state) if state:get("quarantine") == 0 then return true end end,
    on_broken = function(state) C.escalate(state, 1) end,
    value = function(state, role)
      -- the quarantine is Washington's lever for the bombers (RFK to Dobrynin, 12 Nov)
      local deal = state:get("il28_deal")
      return worth(role, deal >= 2 and 5 or deal == 1 and -20 or -40, 25, 10)
    end },
}

return T
