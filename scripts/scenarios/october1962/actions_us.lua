-- The United States' actions: reconnaissance, the build-up, the speech and the
-- quarantine, the allies and the UN, the letter and the back channel, force.
local C = require("common")
local A = {}

A.list = {
  niact.action{ id = "recon_high", name = "Fly U-2 reconnaissance",
    roles = { "us" }, cost = 1, priority = 30,
    text = "High-altitude photographs of the sites: the US estimate of ready launchers "
        .. "sharpens (error 2). Only SAMs reach a U-2, and Soviet crews man them.",
    source = "S-499; Dobbs",
    resolve = function(state)
      C.photograph(state, 2, 4)
      state:report("us", "U-2 photographs analysed: about " .. (state:estimate("us", "sites_ready"))
        .. " launchers look ready to fire.")
    end },

  niact.action{ id = "recon_low", name = "Fly low-level reconnaissance",
    roles = { "us" }, cost = 1, priority = 30,
    text = "Navy and Air Force jets at treetop height (flown from 23 October): the sharpest "
        .. "pictures (error 1), shown to the world, but in reach of Cuban guns. Possible once "
        .. "the crisis is public.",
    source = "S-499; Dobbs",
    legal = function(state)
      return C.public(state), "low-level flights would give the secret away before the President speaks"
    end,
    resolve = function(state)
      C.photograph(state, 1, 2)
      state:add("cuba_voice", 1)
      state:report("us", "Low-level photographs in: " .. (state:estimate("us", "sites_ready"))
        .. " launchers ready, give or take one.")
    end },

  niact.action{ id = "build_up", name = "Ready the strike and invasion forces",
    roles = { "us" }, cost = 1, priority = 20,
    text = "Move aircraft, ships and divisions to the south-east: readiness +1; tension +1 "
        .. "once the crisis is public. Moscow and Havana see some of it.",
    source = "Dobbs; Tapes",
    legal = function(state) return state:get("build_up") < 10, "the forces are ready" end,
    resolve = function(state)
      state:add("build_up", 1)
      state:add("us_pressure", -2)
      C.observe(state, "cuba", "build_up", 2)
      C.observe(state, "ussr", "build_up", 2)
      if C.public(state) then C.escalate(state, 1) end
    end },

  niact.action{ id = "announce_quarantine", name = "Speak to the nation: quarantine",
    roles = { "us" }, cost = 2, priority = 10,
    text = "The President tells the world what the photographs show and proclaims a naval "
        .. "quarantine of offensive weapons, in force at the end of the second turn after. The crisis becomes "
        .. "public; tension +1; US forces to DEFCON 3.",
    source = "Address 22 Oct; Proclamation 3504",
    legal = function(state)
      return state:get("quarantine") == 0 and state:get("invaded") == 0,
        "the quarantine is already declared"
    end,
    resolve = function(state)
      C.go_public(state)
      state:set("quarantine", 1)
      state:set("public_turn", state:turn())
      if state:get("us_alert") < 1 then state:set("us_alert", 1) end
      C.escalate(state, 1)
      state:add("us_pressure", -10)
      state:add("oas_support", 5)
      state:log("President Kennedy tells the nation that Soviet offensive missile sites are "
        .. "being built in Cuba and proclaims a strict quarantine of all offensive military "
        .. "equipment bound for the island.")
    end },

  niact.action{ id = "consult_oas", name = "Call the OAS together",
    roles = { "us" }, cost = 1, priority = 40,
    text = "Rusk asks the Organization of American States to back the quarantine: OAS "
        .. "support +15 (+25 the first time), domestic pressure -3. Only once the crisis is public.",
    source = "OAS 23 Oct",
    legal = function(state) return C.public(state), "the crisis is still secret" end,
    resolve = function(state)
      state:add("oas_support", state:get("oas_support") < 60 and 25 or 15)
      state:add("us_pressure", -3)
      state:add("cuba_voice", -3)
      state:log("The OAS Council backs the quarantine.")
    end },

  niact.action{ id = "un_case", name = "Make the case at the Security Council",
    roles = { "us" }, cost = 1, priority = 40,
    text = "Stevenson shows the photographs to the Security Council: Soviet prestige -5, UN "
        .. "credibility +3, Cuba's voice -3. Only once the crisis is public.",
    source = "UNSC 25 Oct; Dobbs",
    legal = function(state) return C.public(state), "the crisis is still secret" end,
    resolve = function(state)
      state:add("prestige", -5)
      state:add("un_credibility", 3)
      state:add("cuba_voice", -3)
      state:log("At the Security Council Ambassador Stevenson shows the photographs of the "
        .. "sites and asks the Soviet delegate to deny them.")
    end },

  niact.action{ id = "raise_alert", name = "Raise the alert",
    roles = { "us" }, cost = 1, priority = 10,
    text = "One step up the DEFCON track (the Strategic Air Command to DEFCON 2, then all "
        .. "forces). Shows resolve at home (-4 pressure); tension +1.",
    source = "NSA \"Crises, Alerts and DEFCONs\"",
    legal = function(state) return state:get("us_alert") < 3, "forces are at DEFCON 2" end,
    resolve = function(state)
      state:add("us_alert", 1)
      C.escalate(state, 1)
      state:add("us_pressure", -4)
      state:log("US forces go to a higher state of readiness (" .. state:label("us_alert") .. ").")
    end },

  niact.action{ id = "board_ship", name = "Stop and board a ship",
    roles = { "us" }, cost = 1, priority = 15,
    text = "Stop a Bloc-chartered freighter at the line and search it, as the Navy did with "
        .. "the Marucla on 26 October: the quarantine is seen to work (pressure -4); Moscow "
        .. "loses face (-3). A ship with weapons still sailing makes it a confrontation "
        .. "(tension +1). Only while the quarantine is in force.",
    source = "Dobbs (Marucla, 26 Oct)",
    legal = function(state) return state:get("quarantine") == 2, "the quarantine is not in force" end,
    resolve = function(state)
      state:add("us_pressure", -4)
      state:add("prestige", -3)
      if state:get("irbm_ships") == 2 then C.escalate(state, 1) end
      state:log("US sailors board and search a freighter bound for Cuba at the quarantine line.")
    end },

  niact.action{ id = "answer_letter", name = "Promise not to invade",
    roles = { "us" }, cost = 1, priority = 50,
    param = { name = "level (1 conditional letter, 2 public and unconditional)", min = 1, max = 2,
              labels = { "conditional letter", "public and unconditional" },
              default = 1 },
    text = "Answer Khrushchev's letter: no invasion if the weapons leave under UN "
        .. "observation (1), or give an unconditional public pledge (2, no letter needed), "
        .. "which Congress and the OAS resent. Eases tension a step; Havana breathes.",
    source = "JFK 27 Oct; Tapes (27 Oct)",
    legal = function(state, role, level)
      if state:get("pledge") >= level then return false, "the pledge already stands at that level" end
      if level == 1 and state:get("offer") == 0 then
        return false, "there is no letter from Khrushchev to answer"
      end
      return C.public(state), "the crisis is still secret"
    end,
    resolve = function(state, role, level)
      state:set("pledge", level)
      C.ease(state, 1)
      state:add("prestige", 3 * level)
      if level == 2 then
        state:add("us_pressure", 10)
        state:add("oas_support", -8)
      end
      state:log(level == 1 and "President Kennedy writes to Khrushchev: if the weapons are "
        .. "removed under UN observation, the United States will give assurances against "
        .. "an invasion of Cuba." or "The United States pledges in public never to invade Cuba.")
    end },

  niact.action{ id = "back_channel", name = "Talk to Dobrynin in private",
    roles = { "us" }, cost = 1, priority = 45,
    text = "Robert Kennedy meets the Soviet ambassador: the back channel opens (secret "
        .. "promises become possible); tension -1 once the crisis is public.",
    source = "RFK; F&N",
    legal = function(state) return state:get("channel") < 2, "the channel is open" end,
    resolve = function(state)
      state:set("channel", 2)
      if C.public(state) then C.ease(state, 1) end
      state:report({ "us", "ussr" }, "Robert Kennedy and Ambassador Dobrynin meet at the "
        .. "Justice Department. What they say stays between the two governments.")
    end },

  niact.action{ id = "jupiters_out", name = "Give up the Jupiters in Turkey",
    roles = { "us" }, cost = 1, priority = 50,
    param = { name = "how (1 in secret, 2 in public)", min = 1, max = 2, default = 1,
              labels = { "in secret", "in public" } },
    text = "Promise the Jupiters will go: in secret through the back channel (1: needs it "
        .. "open; Moscow gains prestige +5, allies never know), or as a public trade (2: "
        .. "prestige +12, allied confidence -25, pressure +8).",
    source = "RFK; Tapes (27 Oct); NSA Jupiter EBB 2023",
    legal = function(state, role, how)
      if not C.public(state) then return false, "the crisis is still secret" end
      if state:get("jupiters") >= how then return false, "already promised" end
      if how == 1 and state:get("channel") < 2 then
        return false, "a secret promise needs the back channel open"
      end
      return true
    end,
    resolve = function(state, role, how)
      state:set("jupiters", how)
      if how == 1 then
        state:add("prestige", 5)
        state:report({ "us", "ussr" }, "In private: the Jupiters will leave Turkey within "
          .. "months, provided nothing is said in public.")
      else
        state:add("prestige", 12)
        state:add("nato", -25)
        state:add("us_pressure", 8)
        state:log("Washington agrees in public to remove its Jupiter missiles from Turkey.")
      end
    end },

  niact.action{ id = "air_strike", name = "Strike the missile sites",
    roles = { "us" }, cost = 2, priority = 5,
    text = "Bomb the sites (needs invasion forces at 4). The Air Force promised no more "
        .. "than 90 per cent of the known launchers; Soviet crews die; tension +2 (+3 while "
        .. "the crisis is secret: a surprise attack, which makes it public). Launchers left may fire.",
    source = "RFK (Sweeney, 21 Oct); Tapes; Dobbs",
    legal = function(state)
      return state:get("build_up") >= 4 and state:get("removal") < 2,
        "the strike forces are not ready (4), or the missiles are already going"
    end,
    resolve = function(state)
      local left = state:get("sites_ready")
      local hit = (left * 9 + 9) // 10
      hit = math.min(left, hit - state:random(0, 1))
      state:add("sites_ready", -hit)
      state:add("struck", 1)
      C.escalate(state, C.public(state) and 2 or 3)
      C.go_public(state)
      state:add("prestige", -8)
      state:add("havana_trust", 1)
      state:add("oas_support", -10)
      state:add("nato", -5)
      C.observe(state, "us", "sites_ready", 2)
      state:log("US aircraft strike the missile sites in Cuba; " .. hit .. " launchers are "
        .. "destroyed and Soviet crews killed. Moscow speaks of war.")
    end },

  niact.action{ id = "invade", name = "Invade Cuba",
    roles = { "us" }, cost = 3, priority = 5,
    text = "Land the invasion force (needs 9). Tension goes to the brink; if the tactical "
        .. "nuclear weapons are still on the island, their commanders may use them on the "
        .. "beaches (the brink roll is much worse).",
    source = "Dobbs; NSA-393",
    legal = function(state)
      return state:get("build_up") >= 9 and state:get("invaded") == 0,
        "the invasion force is not ready (9)"
    end,
    resolve = function(state)
      state:set("invaded", 1)
      C.go_public(state)
      state:set("tension", 5)
      state:add("oas_support", -15)
      state:add("nato", -10)
      state:log("US Marines and airborne divisions land in Cuba.")
    end },

  niact.action{ id = "retaliate", name = "Strike the site that fired",
    roles = { "us" }, cost = 1, priority = 12,
    text = "Answer a shoot-down by striking the site that fired: pressure -10, tension +1, "
        .. "Soviet crews die. Possible only after an aircraft is fired on.",
    source = "Tapes (27 Oct); Dobbs",
    legal = function(state) return state:get("unanswered") > 0, "no aircraft has been fired on" end,
    resolve = function(state)
      state:set("unanswered", 0)
      state:add("us_pressure", -10)
      state:add("prestige", -4)
      C.escalate(state, 1)
      state:log("US aircraft strike the anti-aircraft site that fired on a reconnaissance plane.")
    end },

  niact.action{ id = "stand_down", name = "Lower the alert",
    roles = { "us", "ussr" }, cost = 1, priority = 10,
    text = "Lower readiness: tension -1. For Washington the alert falls a step and it looks "
        .. "soft (+3 pressure) until the missiles are ordered out.",
    source = "UPI 21 Nov",
    legal = function(state) return state:get("tension") > 0, "tension is already at its lowest" end,
    resolve = function(state, role)
      C.ease(state, 1)
      if role == "us" then
        if state:get("us_alert") > 0 then state:add("us_alert", -1) end
        if not C.settled(state) then state:add("us_pressure", 3) end
        state:log("The United States lowers its alert.")
      else
        state:log("Moscow cancels some of its readiness measures.")
      end
    end },
}

return A
