-- What each seat is scored on, 0-100 each, weighted. A war zeroes every score.
local util = require("util")
local O = {}

local function pick(t, v) return t[v] end

O.list = {
  -- The United States.
  niact.objective{ id = "us_missiles", role = "us", weight = 4, name = "The missiles out",
    text = "Ordered dismantled 100, work halted 40, otherwise 0.",
    source = "Address 22 Oct",
    score = function(state) return pick({ [0] = 0, 40, 100 }, state:get("removal")) end },
  niact.objective{ id = "us_allies", role = "us", weight = 2, name = "No trade over the allies' heads",
    text = "Half from the Jupiters (staying 100, promised in secret 70, traded in public 0), "
        .. "half from allied confidence.",
    source = "Tapes (27 Oct); RFK",
    score = function(state)
      return math.floor(pick({ [0] = 100, 70, 0 }, state:get("jupiters")) / 2
        + state:get("nato") / 2 + 0.5)
    end },
  niact.objective{ id = "us_home", role = "us", weight = 2, name = "Calm at home and in the hemisphere",
    text = "60% from low domestic pressure, 40% from OAS support.",
    source = "OAS 23 Oct; Dobbs",
    score = function(state)
      return math.floor((100 - state:get("us_pressure")) * 0.6 + state:get("oas_support") * 0.4 + 0.5)
    end },
  niact.objective{ id = "us_free_hand", role = "us", weight = 1, name = "A free hand in Cuba",
    text = "No pledge 100, a conditional one 60, a public unconditional one 0.",
    source = "JFK 27 Oct; V-276",
    score = function(state) return pick({ [0] = 100, 60, 0 }, state:get("pledge")) end },

  -- The Soviet Union.
  niact.objective{ id = "ussr_prestige", role = "ussr", weight = 3, name = "No humiliation",
    text = "Soviet prestige at the end.",
    source = "F&N",
    score = function(state) return state:get("prestige") end },
  niact.objective{ id = "ussr_cuba_safe", role = "ussr", weight = 3, name = "Cuba safe from invasion",
    text = "A pledge: none 0, conditional 60, public 100; 0 if US troops landed.",
    source = "NSK 26 Oct",
    score = function(state)
      if state:get("invaded") == 1 then return 0 end
      return pick({ [0] = 0, 60, 100 }, state:get("pledge"))
    end },
  niact.objective{ id = "ussr_jupiters", role = "ussr", weight = 2, name = "The Jupiters out of Turkey",
    text = "Staying 0, promised in secret 70, traded in public 100.",
    source = "NSK 27 Oct",
    score = function(state) return pick({ [0] = 0, 70, 100 }, state:get("jupiters")) end },
  niact.objective{ id = "ussr_havana", role = "ussr", weight = 1, name = "Keep Havana's trust",
    text = "Havana's trust in Moscow, 0 to 10, times ten.",
    source = "Dobbs",
    score = function(state) return state:get("havana_trust") * 10 end },
  niact.objective{ id = "ussr_deterrent", role = "ussr", weight = 1, name = "The missiles in place",
    text = "Launchers ready, of 24, while they are not ordered out.",
    source = "F&N",
    score = function(state)
      if state:get("removal") == 2 then return 0 end
      return util.scale(state:get("sites_ready"), 0, 24)
    end },

  -- Cuba.
  niact.objective{ id = "cuba_security", role = "cuba", weight = 3, name = "No invasion",
    text = "A pledge (none 20, conditional 60, public 100), less 5 for each point of US "
        .. "invasion readiness above 5; 0 if US troops landed.",
    source = "Dobbs; NSK 26 Oct",
    score = function(state)
      if state:get("invaded") == 1 then return 0 end
      local s = pick({ [0] = 20, 60, 100 }, state:get("pledge"))
      return util.clamp(s - 5 * math.max(0, state:get("build_up") - 5), 0, 100)
    end },
  niact.objective{ id = "cuba_voice_heard", role = "cuba", weight = 2, name = "Cuba heard",
    text = "Cuba's voice in the world.",
    source = "S-475",
    score = function(state) return state:get("cuba_voice") end },
  niact.objective{ id = "cuba_consulted", role = "cuba", weight = 2, name = "Treated as an ally",
    text = "Havana's trust in Moscow times ten.",
    source = "Dobbs; NSA-393",
    score = function(state) return state:get("havana_trust") * 10 end },
  niact.objective{ id = "cuba_deterrent", role = "cuba", weight = 1, name = "The deterrent kept",
    text = "Launchers ready, of 24, while not ordered out; the tactical weapons count 30 "
        .. "more while they stay.",
    source = "NSA-393",
    score = function(state)
      local s = state:get("removal") == 2 and 0 or util.scale(state:get("sites_ready"), 0, 24)
      if state:get("tactical") > 0 then s = s + 30 end
      return util.clamp(s, 0, 100)
    end },

  -- The United Nations.
  niact.objective{ id = "un_peace", role = "un", weight = 3, name = "Peace kept",
    text = "100 at 'tense' or lower, 50 at 'crisis', 0 at the brink.",
    source = "Dorn",
    score = function(state) return util.scale(state:get("tension"), 5, 2) end },
  niact.objective{ id = "un_standstill", role = "un", weight = 2, name = "A UN standstill",
    text = "None 0, proposed 40, accepted 100.",
    source = "Dorn",
    score = function(state) return pick({ [0] = 0, 40, 100 }, state:get("standstill")) end },
  niact.objective{ id = "un_credibility", role = "un", weight = 2, name = "Credibility",
    text = "UN credibility at the end.",
    source = "Dorn",
    score = function(state) return state:get("un_credibility") end },
}

return O
