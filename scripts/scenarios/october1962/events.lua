-- Events from the record of 16-28 October 1962, on their dates, and the random ones.
-- Events on a turn's first hour that do not depend on the turn's orders open the turn.
local C = require("common")
local E = {}

E.list = {
  niact.event{ id = "photographs", name = "The photographs", date = "1962-10-16",
    opens_turn = true,
    text = "The President sees the U-2 photographs of 14 October: MRBM sites near San "
        .. "Cristobal. The ExComm meets for the first time before noon.",
    source = "Tapes (16 Oct); Dobbs",
    effect = function(state)
      C.observe(state, "us", "sites_ready", 3)
      state:report("us", "The photographs show launch pads, missile trailers and tents near "
        .. "San Cristobal. Nobody can yet say how many launchers could fire.")
    end },

  niact.event{ id = "more_sites", name = "More sites", date = "1962-10-17", opens_turn = true,
    text = "New flights find more MRBM sites and, near Guanajay, sites for longer-range "
        .. "missiles.",
    source = "Tapes (17 Oct); Dobbs",
    effect = function(state)
      state:report("us", "New photographs: more medium-range sites, and fixed sites near "
        .. "Guanajay built for intermediate-range missiles that have not arrived.")
    end },

  niact.event{ id = "gromyko", name = "Gromyko at the White House", date = "1962-10-18",
    opens_turn = true,
    text = "Foreign Minister Gromyko assures Kennedy that Soviet aid to Cuba is purely "
        .. "defensive; Kennedy does not say what he knows. If the secret still holds.",
    source = "Tapes (18 Oct); F&N",
    condition = function(state) return not C.public(state) end,
    effect = function(state)
      state:report({ "us", "ussr" }, "Gromyko tells the President that Soviet aid to Cuba "
        .. "is purely defensive. The President says nothing of the photographs.")
    end },

  niact.event{ id = "chiefs", name = "The Joint Chiefs", date = "1962-10-19", opens_turn = true,
    text = "The Joint Chiefs press the President for an air strike; General LeMay likens "
        .. "anything less to Munich.",
    source = "Tapes (19 Oct)",
    condition = function(state)
      return state:get("quarantine") == 0 and state:get("struck") == 0
    end,
    effect = function(state)
      state:add("us_pressure", 3)
      state:report("us", "The Joint Chiefs want the sites bombed, and soon. LeMay tells the "
        .. "President a blockade would be almost as bad as the appeasement at Munich.")
    end },

  niact.event{ id = "campaign_cold", name = "The President's cold", date = "1962-10-20",
    text = "Kennedy cuts short a campaign trip, pleading a cold, to decide on the response.",
    source = "RFK; Dobbs",
    condition = function(state) return not C.public(state) end,
    effect = function(state)
      state:log("The White House says the President has a cold and is returning to "
        .. "Washington from Chicago.")
    end },

  niact.event{ id = "sweeney", name = "Ninety per cent", date = "1962-10-21", opens_turn = true,
    text = "The commander of Tactical Air Command tells the President an air strike could "
        .. "not be sure of destroying all the known missiles.",
    source = "RFK; Dobbs",
    condition = function(state) return state:get("struck") == 0 end,
    effect = function(state)
      state:report("us", "General Sweeney: the Air Force can destroy perhaps 90 per cent of "
        .. "the known missiles. It cannot promise all of them.")
    end },

  niact.event{ id = "press_knows", name = "The press knows", date = "1962-10-21",
    text = "Reporters have the story; the President asks editors to hold it.",
    source = "Dobbs",
    condition = function(state) return not C.public(state) end,
    effect = function(state)
      state:add("us_pressure", 4)
      state:report("us", "The New York Times and the Washington Post have most of the story. "
        .. "They will hold it for a day at the President's request; no longer.")
    end },

  niact.event{ id = "story_breaks", name = "The story breaks", date = "1962-10-22",
    text = "If Washington has still said nothing, the newspapers print what they know: "
        .. "the crisis is public, and the President looks caught out.",
    source = "Dobbs",
    condition = function(state) return not C.public(state) end,
    effect = function(state)
      C.go_public(state)
      C.escalate(state, 1)
      state:add("us_pressure", 15)
      state:log("The newspapers report Soviet missile sites in Cuba; the White House has "
        .. "said nothing.")
    end },

  niact.event{ id = "aleksandrovsk", name = "The Aleksandrovsk", date = "1962-10-23",
    text = "The Aleksandrovsk, carrying nuclear warheads, reaches the port of La Isabela "
        .. "just before the quarantine begins.",
    source = "Dobbs; Russian MoD",
    condition = function(state) return state:get("quarantine") < 2 end,
    effect = function(state)
      state:report({ "ussr", "cuba" }, "The Aleksandrovsk has docked at La Isabela with her "
        .. "cargo of warheads, hours ahead of the American quarantine.")
    end },

  niact.event{ id = "eyeball", name = "Eyeball to eyeball", date = "1962-10-24",
    text = "The ships nearest the line stop or turn back. \"We're eyeball to eyeball, and "
        .. "I think the other fellow just blinked.\" (Rusk)",
    source = "Dobbs; RFK",
    condition = function(state)
      return state:get("irbm_ships") <= 1 and state:get("quarantine") >= 1
    end,
    effect = function(state)
      state:add("us_pressure", -5)
      state:log("Soviet ships approaching the quarantine line stop dead in the water or "
        .. "turn back.")
    end },

  niact.event{ id = "bucharest", name = "The Bucharest", date = "1962-10-25",
    text = "A Soviet tanker is hailed at the line and let through: the quarantine is for "
        .. "weapons.",
    source = "Dobbs",
    condition = function(state) return state:get("quarantine") == 2 end,
    effect = function(state)
      state:log("The Soviet tanker Bucharest is hailed at the quarantine line and allowed "
        .. "to proceed: she carries no weapons.")
    end },

  niact.event{ id = "all_ready", name = "The sites are operational", date = "1962-10-27",
    opens_turn = true,
    text = "The CIA reports the medium-range sites operational, if most of them are.",
    source = "Dobbs",
    condition = function(state) return state:get("sites_ready") >= 20 end,
    effect = function(state)
      C.observe(state, "us", "sites_ready", 2)
      state:report("us", "CIA: most of the medium-range launchers in Cuba are now "
        .. "operational.")
    end },

  niact.event{ id = "stray_u2", name = "A U-2 strays", date = "1962-10-27", chance = 60,
    text = "On an air-sampling flight to the Arctic, a U-2 loses its way and flies over "
        .. "the Soviet Union; MiGs go up after it and US fighters to meet it. With SAC at "
        .. "DEFCON 2.",
    source = "Dobbs (Maultsby)",
    condition = function(state) return state:get("us_alert") >= 2 end,
    effect = function(state)
      if state:get("restraint") < 2 then C.escalate(state, 1) end
      state:log("An American U-2 strays over Soviet territory in the Arctic before finding "
        .. "its way home.")
    end },

  niact.event{ id = "b59", name = "The submarine", date = "1962-10-27",
    text = "US destroyers force a Soviet submarine to surface with practice depth charges. "
        .. "Aboard, officers talk of the nuclear torpedo.",
    source = "Savranskaya 2005; Dobbs",
    condition = function(state)
      return state:get("quarantine") == 2 and state:get("tension") >= 3
    end,
    effect = function(state)
      state:log("US destroyers force a Soviet submarine to the surface near the quarantine "
        .. "line.")
      state:report("ussr", "The submarine B-59, hunted for hours, came close to arming its "
        .. "nuclear torpedo before surfacing.")
      C.escalate(state, 1)
    end },

  -- Random.
  niact.event{ id = "incident_at_sea", name = "Incident at sea", chance = 35, once = false,
    text = "With Soviet ships sailing on into the quarantine, a stop goes wrong.",
    source = "Dobbs",
    condition = function(state)
      return state:get("quarantine") == 2 and state:get("irbm_ships") == 2
    end,
    effect = function(state)
      C.escalate(state, 1)
      state:add("prestige", -2)
      state:log("A Soviet freighter refuses to stop; a US destroyer fires across her bow.")
    end },
}

return E
