-- The Soviet Union's actions: the sites, the ships, the orders to hold fire, the
-- letters, the bargain, and Havana.
local C = require("common")
local A = {}

A.list = {
  niact.action{ id = "hurry_sites", name = "Rush the missile sites",
    roles = { "ussr" }, cost = 1, priority = 20,
    text = "Crews work through the night: one more launcher ready this turn (besides the "
        .. "usual one). Only while the work goes on.",
    source = "Dobbs; F&N",
    legal = function(state)
      return state:get("removal") == 0 and state:get("sites_ready") < 24,
        "the work has stopped, or every launcher is ready"
    end,
    resolve = function(state) state:add("sites_ready", 1) end },

  niact.action{ id = "camouflage", name = "Camouflage the sites",
    roles = { "ussr" }, cost = 1, priority = 25,
    text = "Nets and paint: this turn's American photographs undercount the ready "
        .. "launchers, by 1 to 4 from a U-2, by up to 2 from low-level jets.",
    source = "Dobbs",
    resolve = function(state) state:set("camouflaged", 1) end },

  niact.action{ id = "hold_ships", name = "Stop the ships",
    roles = { "ussr" }, cost = 1, priority = 10,
    param = { name = "how (0 turn back, 1 hold at sea)", min = 0, max = 1, default = 0,
              labels = { "turn back", "hold at sea" } },
    text = "Order the ships bound for Cuba to turn back (0) or to stop short of the "
        .. "quarantine line (1). Tension -1; turning back costs prestige -3.",
    source = "F&N; Dobbs; Dorn",
    legal = function(state, role, how)
      return state:get("irbm_ships") > how, "the ships are already stopped"
    end,
    resolve = function(state, role, how)
      state:set("irbm_ships", how)
      C.ease(state, 1)
      if how == 0 then state:add("prestige", -3) end
      state:log(how == 0 and "Soviet ships bound for Cuba turn back in mid-Atlantic."
        or "Soviet ships bound for Cuba stop short of the quarantine line.")
    end },

  niact.action{ id = "sail_on", name = "Let the ships sail on",
    roles = { "ussr" }, cost = 1, priority = 10,
    text = "The ships keep course for Cuba. Prestige +3; once the quarantine is in force "
        .. "every turn at sea risks an incident.",
    source = "F&N; Dobbs",
    legal = function(state) return state:get("irbm_ships") < 2, "the ships are sailing" end,
    resolve = function(state)
      state:set("irbm_ships", 2)
      state:add("prestige", 3)
      C.escalate(state, 1)
      state:log("Soviet ships resume their course for Cuba.")
    end },

  niact.action{ id = "order_restraint", name = "Order no one to fire",
    roles = { "ussr" }, cost = 1, priority = 5,
    text = "Orders to the forces in Cuba: no firing without Moscow's word. SAM crews hold "
        .. "fire and Havana is asked to hold its guns; the orders fade after a turn.",
    source = "Dobbs; F&N",
    resolve = function(state) state:set("restraint", 2) end },

  niact.action{ id = "defy", name = "Denounce the quarantine",
    roles = { "ussr" }, cost = 1, priority = 40,
    text = "A public letter or TASS statement: the quarantine is piracy and an act of "
        .. "aggression. Prestige +4, Havana's trust +1, tension +1. Only once the crisis is public.",
    source = "NSK 24 Oct; F&N",
    legal = function(state) return C.public(state), "the crisis is still secret" end,
    resolve = function(state)
      state:add("prestige", 4)
      state:add("havana_trust", 1)
      C.escalate(state, 1)
      state:log("Moscow denounces the quarantine as piracy and an act of aggression.")
    end },

  niact.action{ id = "feelers", name = "Send out feelers",
    roles = { "ussr" }, cost = 1, priority = 45,
    text = "A KGB officer at the embassy sounds out an American journalist: the missiles "
        .. "out for a pledge? The channel opens to 'feelers'; tension -1 once public.",
    source = "F&N; Dobbs (Scali and Fomin, 26 Oct)",
    legal = function(state) return state:get("channel") == 0, "a channel is open" end,
    resolve = function(state)
      state:set("channel", 1)
      if C.public(state) then C.ease(state, 1) end
      state:report({ "us", "ussr" }, "Over lunch a Soviet embassy counsellor asks a television "
        .. "correspondent whether Washington would pledge not to invade if the bases went.")
    end },

  niact.action{ id = "offer_deal", name = "Write to Kennedy: a bargain",
    roles = { "ussr" }, cost = 1, priority = 50,
    param = { name = "terms (1 pledge, 2 pledge and the Jupiters, broadcast)", min = 1, max = 2,
              labels = { "pledge", "pledge and the Jupiters, broadcast" },
              default = 1 },
    text = "Offer the missiles out for a promise not to invade (1, a private letter: "
        .. "tension -1), or for that and the Jupiters in Turkey, broadcast on Radio Moscow "
        .. "(2: prestige +4, allied confidence -5). Only once the crisis is public.",
    source = "NSK 26 Oct; NSK 27 Oct",
    legal = function(state, role, terms)
      return C.public(state) and state:get("offer") ~= terms and state:get("removal") < 2,
        "the crisis is still secret, or that offer is already made"
    end,
    resolve = function(state, role, terms)
      state:set("offer", terms)
      if terms == 1 then
        C.ease(state, 1)
        state:report({ "us", "ussr" }, "A long letter from Khrushchev: the missiles will go "
          .. "if the United States promises not to invade Cuba.")
      else
        state:add("prestige", 4)
        state:add("nato", -5)
        state:log("Radio Moscow broadcasts a letter from Khrushchev: the missiles in Cuba will "
          .. "go if the American missiles leave Turkey.")
      end
      if state:get("consulted") == 0 then state:add("havana_trust", -1) end
    end },

  niact.action{ id = "accept_terms", name = "Order the missiles out",
    roles = { "ussr" }, cost = 1, priority = 60,
    text = "Broadcast the acceptance: the sites are dismantled, crated and returned. Needs "
        .. "at least a conditional pledge. Prestige -12, +6 with the Jupiters promised in "
        .. "secret, +12 traded in public; Havana's trust -3 unless consulted twice.",
    source = "NSK 28 Oct; RFK",
    legal = function(state)
      return state:get("removal") < 2 and state:get("pledge") >= 1,
        "not without at least a conditional promise not to invade"
    end,
    resolve = function(state)
      state:set("removal", 2)
      state:set("settled_turn", state:turn())
      local j = state:get("jupiters")
      state:add("prestige", -12 + (j == 1 and 6 or j == 2 and 12 or 0))
      if state:get("consulted") < 2 then state:add("havana_trust", -3) end
      C.ease(state, 2)
      state:log("Radio Moscow: the Soviet government has ordered the weapons the United "
        .. "States calls offensive dismantled, crated and returned to the Soviet Union.")
    end },

  niact.action{ id = "halt_work", name = "Halt the work on the sites",
    roles = { "ussr" }, cost = 1, priority = 20,
    text = "Stop building while talks go on, as U Thant asked: tension -1, UN credibility "
        .. "+3, prestige -2.",
    source = "Dorn",
    legal = function(state) return state:get("removal") == 0, "the work has already stopped" end,
    resolve = function(state)
      state:set("removal", 1)
      C.ease(state, 1)
      state:add("un_credibility", 3)
      state:add("prestige", -2)
      state:log("Work on the missile sites in Cuba stops.")
    end },

  niact.action{ id = "consult_havana", name = "Consult Havana",
    roles = { "ussr" }, cost = 1, priority = 45,
    text = "Ambassador Alekseev takes Castro into confidence: Havana's trust +1, and later "
        .. "bargains cost it less.",
    source = "Dobbs; Dobbs",
    resolve = function(state)
      state:add("consulted", 1)
      state:add("havana_trust", 1)
      state:report({ "ussr", "cuba" }, "Ambassador Alekseev briefs Fidel Castro on Moscow's thinking.")
    end },

  niact.action{ id = "berlin", name = "Threaten Berlin",
    roles = { "ussr" }, cost = 1, priority = 40,
    text = "Let it be known that a blow in Cuba will be answered in Berlin: tension +1, "
        .. "allied confidence -6, prestige +2. Only once the crisis is public.",
    source = "Tapes; Dobbs",
    legal = function(state) return C.public(state), "the crisis is still secret" end,
    resolve = function(state)
      C.escalate(state, 1)
      state:add("nato", -6)
      state:add("prestige", 2)
      state:log("Soviet spokesmen hint that Berlin may pay for any attack on Cuba.")
    end },
}

return A
