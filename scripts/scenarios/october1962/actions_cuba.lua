-- Cuba's actions: mobilization, the guns, Havana's voice, and what it says to Moscow.
local C = require("common")
local A = {}

A.list = {
  niact.action{ id = "mobilize", name = "Mobilize",
    roles = { "cuba" }, cost = 1, priority = 20,
    param = { name = "level (1 alert, 2 combat alarm)", min = 1, max = 2, default = 2,
              labels = { "alert", "combat alarm" } },
    text = "Put the forces on alert (1) or sound the combat alarm (2). At the combat alarm "
        .. "an invasion meets the whole nation under arms (the beaches are deadlier); "
        .. "tension +1 once the crisis is public; Cuba's voice +3.",
    source = "LA Times 1989; Castro to Khrushchev 28 Oct; Dobbs",
    legal = function(state, role, level)
      return state:get("mobilization") < level, "Cuba is already mobilized that far"
    end,
    resolve = function(state, role, level)
      state:set("mobilization", level)
      state:add("cuba_voice", 3)
      if C.public(state) then C.escalate(state, 1) end
      state:log(level == 2 and "Cuba sounds the combat alarm: the militias and the army "
        .. "take up positions." or "Cuban forces are put on alert.")
    end },

  niact.action{ id = "aa_fire", name = "Order the guns to fire",
    roles = { "cuba" }, cost = 1, priority = 5,
    text = "Cuban batteries fire on low-flying US aircraft from now on: Cuba's voice +3, "
        .. "and every low-level flight may be fired on.",
    source = "Dobbs",
    legal = function(state) return state:get("aa_orders") == 0, "the guns already have orders to fire" end,
    resolve = function(state)
      state:set("aa_orders", 1)
      state:add("cuba_voice", 3)
      state:report({ "cuba", "ussr" }, "Castro orders the anti-aircraft batteries to fire on "
        .. "low-flying American aircraft.")
    end },

  niact.action{ id = "hold_fire", name = "Order the guns to hold fire",
    roles = { "cuba" }, cost = 1, priority = 5,
    text = "Withdraw the orders to fire. Havana's trust -1 if Moscow asked (it looks like "
        .. "obeying).",
    source = "Dobbs",
    legal = function(state) return state:get("aa_orders") == 1, "the guns already hold fire" end,
    resolve = function(state)
      state:set("aa_orders", 0)
      if state:get("restraint") > 0 then state:add("havana_trust", -1) end
    end },

  niact.action{ id = "speak_out", name = "Speak to the world",
    roles = { "cuba" }, cost = 1, priority = 40,
    text = "Castro on television, Cuba's delegate at the UN: sovereignty, no inspection, "
        .. "the raids and the blockade. Cuba's voice +6 once the crisis is public (+2 before).",
    source = "Dobbs; S-475",
    resolve = function(state)
      state:add("cuba_voice", C.public(state) and 6 or 2)
      if C.public(state) then
        state:log("Fidel Castro tells Cubans on television that Cuba will accept no inspection "
          .. "and will defend itself.")
      end
    end },

  niact.action{ id = "press_moscow", name = "Urge Moscow to stand firm",
    roles = { "cuba" }, cost = 1, priority = 40,
    text = "A letter to Khrushchev, as on the night of 26-27 October: if they invade, do not "
        .. "let them strike first. Soviet prestige +2, tension +1; Moscow's orders to hold "
        .. "fire weaken.",
    source = "Castro to Khrushchev 26 Oct; Dobbs",
    legal = function(state) return C.public(state), "the crisis is still secret" end,
    resolve = function(state)
      state:add("prestige", 2)
      C.escalate(state, 1)
      if state:get("restraint") > 0 then state:add("restraint", -1) end
      state:report({ "cuba", "ussr" }, "A letter from Castro to Khrushchev: if the "
        .. "imperialists invade, the Soviet Union must not let them strike the first blow.")
    end },

  niact.action{ id = "five_points", name = "State Cuba's terms",
    roles = { "cuba" }, cost = 1, priority = 50,
    text = "Castro's five points: end the blockade, the subversion, the raids and the "
        .. "violations of Cuban air and sea, and return Guantanamo. Cuba's voice +8, US "
        .. "pressure +2; an agreement without Cuba costs Moscow more in Havana. Only once "
        .. "the crisis is public.",
    source = "S-475",
    legal = function(state) return C.public(state), "the crisis is still secret" end,
    resolve = function(state)
      state:add("cuba_voice", 8)
      state:add("us_pressure", 2)
      state:log("Fidel Castro states Cuba's five conditions for any settlement.")
    end },

  niact.action{ id = "admit_un", name = "Receive the Secretary-General",
    roles = { "cuba" }, cost = 1, priority = 50,
    text = "Invite U Thant to Havana (as Castro did on 28 October): UN credibility +5, "
        .. "tension -1, Cuba's voice +4. Only once the crisis is public.",
    source = "S-475; Dorn; Dorn",
    legal = function(state) return C.public(state), "the crisis is still secret" end,
    resolve = function(state)
      state:add("un_credibility", 5)
      state:add("cuba_voice", 4)
      C.ease(state, 1)
      state:log("Havana invites the Acting Secretary-General to Cuba.")
    end },
}

return A
