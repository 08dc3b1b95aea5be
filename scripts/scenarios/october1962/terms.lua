-- Terms for negotiation: what a proposal may offer or demand. A term is a promise to
-- act: the seat still has to give the orders, and `check` judges at each turn's end
-- whether it was kept (true), broken (false) or not yet (nil). `value` is how much a
-- term is worth to a seat, for the AI; it reads only tracks every seat sees.
local C = require("common")
local T = {}

-- A worth by role: us, ussr, cuba, un.
local function worth(role, us, ussr, cuba, un)
  if role == "us" then return us elseif role == "ussr" then return ussr
  elseif role == "cuba" then return cuba end
  return un
end

local function public(state) return C.public(state), "the crisis is still secret" end

T.list = {
  niact.term{ id = "no_invasion", name = "A promise not to invade Cuba",
    givers = { "us" }, window = 2,
    text = "The United States gives at least a conditional pledge (the letter of 27 "
        .. "October) within two turns. Broken by an air strike or an invasion, or at the "
        .. "deadline without a pledge: tension +1.",
    source = "NSK 26 Oct; JFK 27 Oct",
    legal = function(state)
      return C.public(state) and state:get("pledge") == 0,
        "the crisis is still secret, or the pledge is already given"
    end,
    check = function(state)
      if state:ordered("us", "invade") or state:ordered("us", "air_strike") then return false end
      if state:get("pledge") >= 1 then return true end
    end,
    on_broken = function(state) C.escalate(state, 1) end,
    value = function(state, role)
      return worth(role, state:get("offer") >= 1 and -10 or -25, 35, 45, 10)
    end },

  niact.term{ id = "missiles_out", name = "The missiles dismantled and returned",
    givers = { "ussr" }, window = 2,
    text = "The Soviet Union orders the missiles out within two turns. Broken at the "
        .. "deadline: tension +1, Soviet prestige -3 (-6 if the promise was public).",
    source = "NSK 28 Oct; Address 22 Oct",
    legal = function(state)
      return C.public(state) and not C.settled(state),
        "the crisis is still secret, or the missiles are already ordered out"
    end,
    check = function(state) if C.settled(state) then return true end end,
    on_broken = function(state, giver, param, info)
      C.escalate(state, 1)
      state:add("prestige", info.public and -6 or -3)
    end,
    value = function(state, role)
      local cover = state:get("pledge") >= 1 and 15 or 0
      return worth(role, 60, -35 + cover, -30 + cover, 20)
    end },

  niact.term{ id = "halt_work", name = "Work on the sites halted",
    givers = { "ussr" }, window = 1,
    text = "Moscow stops building while the talks go on (U Thant's request). Kept once "
        .. "the work has stopped.",
    source = "Dorn",
    legal = function(state)
      return C.public(state) and state:get("removal") == 0,
        "the crisis is still secret, or the work has stopped"
    end,
    check = function(state) if state:get("removal") >= 1 then return true end end,
    value = function(state, role) return worth(role, 15, -8, -10, 20) end },

  niact.term{ id = "jupiters_secret", name = "The Jupiters out of Turkey, in secret",
    givers = { "us" }, window = 2, secrecy = "secret",
    text = "The United States promises through the back channel that the Jupiters will "
        .. "go within months, provided nothing is said. Needs the channel open and Moscow's "
        .. "public demand for them. Kept "
        .. "when promised; broken: Soviet prestige -3.",
    source = "RFK; NSA Jupiter EBB 2023",
    legal = function(state)
      return state:get("channel") >= 2 and state:get("offer") == 2 and state:get("jupiters") == 0,
        "only once Moscow has asked for them, through an open back channel, and only once"
    end,
    check = function(state) if state:get("jupiters") >= 1 then return true end end,
    on_broken = function(state) state:add("prestige", -3) end,
    value = function(state, role) return worth(role, -12, 25, 0, 2) end },

  niact.term{ id = "jupiters_public", name = "The Jupiters out of Turkey, in public",
    givers = { "us" }, window = 2, secrecy = "public",
    text = "The United States agrees in public to remove the Jupiters: the trade Moscow "
        .. "broadcast on 27 October. Only in a public proposal, once Moscow has asked. "
        .. "Kept when traded in public; broken: Soviet prestige -5.",
    source = "NSK 27 Oct; Tapes (27 Oct)",
    legal = function(state)
      return state:get("offer") == 2 and state:get("jupiters") < 2,
        "only once Moscow has asked for them, and only once"
    end,
    check = function(state) if state:get("jupiters") == 2 then return true end end,
    on_broken = function(state) state:add("prestige", -5) end,
    value = function(state, role) return worth(role, -40, 35, 0, 2) end },

  niact.term{ id = "ships_hold", name = "Soviet ships kept from the line for N days",
    givers = { "ussr" }, param = { name = "days", min = 1, max = 10, default = 3 },
    window = "days",
    text = "No Soviet ship sails on into the quarantine area for the given days (U Thant's "
        .. "second appeal, 25 October). Broken by ships sailing for Cuba at a turn's end.",
    source = "Dorn",
    legal = public,
    check = function(state, giver, days, info)
      if state:get("irbm_ships") == 2 then return false end
      if state:turn() >= info.deadline then return true end
    end,
    on_broken = function(state) C.escalate(state, 1) end,
    value = function(state, role, giver, days)
      return worth(role, 2 * days, -days, -days, 2 * days)
    end },

  niact.term{ id = "no_boarding", name = "No ship boarded for N days",
    givers = { "us" }, param = { name = "days", min = 1, max = 10, default = 3 },
    window = "days",
    text = "US ships avoid a direct confrontation with Soviet ships for the given days. "
        .. "Broken by a boarding.",
    source = "Dorn",
    legal = public,
    check = function(state, giver, days, info)
      if state:ordered("us", "board_ship") then return false end
      if state:turn() >= info.deadline then return true end
    end,
    value = function(state, role, giver, days)
      return worth(role, -days, days, days // 2, days)
    end },

  niact.term{ id = "hold_fire", name = "Cuban guns hold fire for N days",
    givers = { "cuba" }, param = { name = "days", min = 1, max = 10, default = 3 },
    window = "days",
    text = "Cuba's batteries hold fire on US aircraft for the given days. Broken while "
        .. "they have orders to fire at a turn's end.",
    source = "Dobbs",
    check = function(state, giver, days, info)
      if state:get("aa_orders") == 1 then return false end
      if state:turn() >= info.deadline then return true end
    end,
    value = function(state, role, giver, days)
      return worth(role, 3 * days, days, -2 * days, days)
    end },

  niact.term{ id = "no_low_flights", name = "No low-level flights for N days",
    givers = { "us" }, param = { name = "days", min = 1, max = 10, default = 3 },
    window = "days",
    text = "The United States flies no low-level reconnaissance over Cuba for the given "
        .. "days. Broken by any low-level flight.",
    source = "Dobbs; S-533",
    legal = public,
    check = function(state, giver, days, info)
      if state:ordered("us", "recon_low") then return false end
      if state:turn() >= info.deadline then return true end
    end,
    value = function(state, role, giver, days)
      return worth(role, -3 * days, days, 3 * days, days)
    end },

  niact.term{ id = "un_visit", name = "The Secretary-General received in Havana",
    givers = { "cuba" }, window = 2,
    text = "Cuba invites U Thant within two turns. Kept when the invitation is made.",
    source = "S-475; Dorn; Dorn",
    legal = public,
    check = function(state) if state:ordered("cuba", "admit_un") then return true end end,
    value = function(state, role) return worth(role, 5, 0, -5, 25) end },
}

return T
