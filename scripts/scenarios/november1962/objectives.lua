-- What each seat is scored on, 0-100 each, weighted. War zeroes every score. The US
-- objectives read only what the United States can see (counts at sea, verification,
-- public tracks), so its score never betrays the hidden truth.
local util = require("util")
local O = {}

local function tp(n) return "telegram 1158, point " .. n end

O.list = {
  niact.objective{ id = "us_verified", role = "us", weight = 4,
    name = "Missiles out, and verified",
    text = "Half from missiles counted at sea (42 = full), half from verification. Removal "
        .. "nobody verified scores nothing.",
    source = tp(1) .. "; " .. tp(5),
    score = function(state)
      return util.clamp(math.floor(state:get("missiles_counted") * 50 / 42
        + state:get("verification") / 2 + 0.5), 0, 100)
    end },
  niact.objective{ id = "us_bombers", role = "us", weight = 2,
    name = "IL-28 bombers out",
    text = "25 once conceded in principle, 70 once agreed with a timetable, up to 100 as "
        .. "they are counted leaving.",
    source = tp(7),
    score = function(state)
      local d = state:get("il28_deal")
      if d == 0 then return 0 elseif d == 1 then return 25 end
      return 70 + math.floor(state:get("il28_counted") * 30 / 42)
    end },
  niact.objective{ id = "us_home", role = "us", weight = 3,
    name = "Calm at home and in the hemisphere",
    text = "60% from low domestic pressure, 40% from OAS support.",
    source = tp(5) .. "; " .. tp(2),
    score = function(state)
      return math.floor((100 - state:get("us_pressure")) * 0.6
        + state:get("oas_support") * 0.4 + 0.5)
    end },
  niact.objective{ id = "us_sams", role = "us", weight = 1,
    name = "Bonus: SAMs and technicians out",
    text = "Half from SAM sites removed, half from up to 20 thousand personnel withdrawn.",
    source = tp(8),
    score = function(state)
      return math.floor((24 - state:get("sams")) * 50 / 24
        + math.min(state:get("technicians_out"), 20) * 50 / 20 + 0.5)
    end },

  niact.objective{ id = "ussr_prestige", role = "ussr", weight = 3,
    name = "Remove without humiliation",
    text = "Soviet prestige at the end against its standing of 1 November (50), after the "
        .. "climb-down of 28 October: 100 if Moscow has kept that standing, 2 points less "
        .. "for each point lost.",
    source = "Dobbs; NSA-393",
    score = function(state) return util.clamp(state:get("prestige") * 2, 0, 100) end },
  niact.objective{ id = "ussr_pledge", role = "ussr", weight = 2,
    name = "A binding non-invasion pledge",
    text = "None 0, conditional 30, unconditional 60, formal 100.",
    source = tp(8) .. "; XI-202; V-276",
    score = function(state) return ({ [0] = 0, 30, 60, 100 })[state:get("pledge")] end },
  niact.objective{ id = "ussr_cuba", role = "ussr", weight = 2,
    name = "Keep Cuba friendly",
    text = "100 when Castro's anger is 2 or less, 0 at 10.",
    source = "NSA-393; XI-212",
    score = function(state) return util.scale(state:get("castro_anger"), 10, 2) end },
  niact.objective{ id = "ussr_keep", role = "ussr", weight = 2,
    name = "Keep the SAMs and the garrison",
    text = "60% from SAM sites kept, 40% from personnel kept.",
    source = tp(8) .. "; S-641",
    score = function(state)
      return math.floor(state:get("sams") * 60 / 24 + state:get("personnel") * 40 / 42 + 0.5)
    end },
  niact.objective{ id = "ussr_trade", role = "ussr", weight = 1,
    name = "The bombers for the quarantine",
    text = "The bombers are Moscow's price for the end of the quarantine: 100 if the "
        .. "quarantine was lifted before the bombers were agreed out or within a turn of it, "
        .. "25 less for each turn Washington lagged after that; 100 if it was lifted with the "
        .. "bombers never conceded; 0 if the bombers were given away for nothing.",
    source = "XI-173; XI-196",
    score = function(state)
      local agreed, lifted = state:get("il28_agreed_turn"), state:get("lift_turn")
      local standing = state:get("quarantine") > 0
      if standing then return 0 end
      if agreed == 0 or lifted == 0 then return lifted > 0 and 100 or 0 end
      return util.clamp(100 - 25 * math.max(0, lifted - agreed - 1), 0, 100)
    end },
  niact.objective{ id = "ussr_quarantine", role = "ussr", weight = 1,
    name = "End the quarantine",
    text = "Lifted 100, suspended 50, otherwise 0.",
    source = "XI-133; XI-196",
    score = function(state)
      local q = state:get("quarantine")
      return q == 0 and 100 or q == 1 and 50 or 0
    end },

  niact.objective{ id = "un_peace", role = "un", weight = 3,
    name = "Peace kept",
    text = "100 at 'easing' (tension 1) or lower, 50 at 'high tension', 0 at the brink.",
    source = "Dorn",
    score = function(state) return util.scale(state:get("tension"), 5, 1) end },
  niact.objective{ id = "un_role", role = "un", weight = 3,
    name = "A real UN role in verification",
    text = "UN observers on the ground 100, aerial inspection 85, inspection at sea 65, "
        .. "ICRC inspecting 50, a scheme accepted by Moscow 25, proposed 10; each "
        .. "certification of what inspectors saw closes a tenth of the gap to 100 (five at "
        .. "most: half of it), so no certified scheme reaches observers on the ground.",
    source = tp(4) .. "; " .. tp(3) .. "; Dorn",
    score = function(state)
      local s = 0
      local ins, scheme = state:get("un_inspection"), state:get("un_scheme")
      if ins == 3 then s = ({ 100, 85, 65 })[scheme]
      elseif ins == 2 then s = 25
      elseif ins == 1 then s = 10 end
      if state:get("icrc") == 3 then s = math.max(s, 50) end
      -- a cap on every effect: certifying a lesser scheme never makes it worth the
      -- observers on the ground that Cuba refused (point 4)
      local c = math.min(5, state:get("un_certified"))
      return math.min(100, math.floor(s + c * (100 - s) / 10 + 0.5))
    end },
  niact.objective{ id = "un_credibility", role = "un", weight = 2,
    name = "Credibility kept",
    text = "UN credibility at the end.",
    source = "Dorn",
    score = function(state) return state:get("un_credibility") end },
  niact.objective{ id = "un_settlement", role = "un", weight = 2,
    name = "The weapons leave peacefully",
    text = "Missile removal: 30 while loading, 70 once all shipped, 100 once all counted.",
    source = tp(1) .. "; Dorn",
    score = function(state)
      return ({ [0] = 0, 0, 10, 30, 70, 100 })[state:get("missile_stage")]
    end },
}

return O
