-- The United States' actions: reconnaissance, the quarantine, inspection, the bombers,
-- the SAMs, the exiles, the pledge, readiness and retaliation.
local C = require("common")
local A = {}

local function tp(n) return "telegram 1158, point " .. n end

A.list = {
  niact.action{ id = "recon_high", name = "Fly high-altitude reconnaissance (U-2)",
    roles = { "us" }, cost = 1, priority = 30,
    text = "U-2s photograph the island. Adds verification (up to 45) and updates the US "
        .. "estimates: the bombers a little, the missiles only as far as the photographs "
        .. "identify them (crated missiles are missed, so the count may fall short, error 8). "
        .. "Only SAMs can reach a U-2: the risk depends on who holds the SAM keys.",
    source = tp(6) .. "; S-499; XI-190",
    resolve = function(state, role)
      C.identify(state, "missiles", 10, 8)
      C.observe(state, "us", "il28", 4)
      local got = C.verify(state, 3, 45)
      state:report("us", "U-2 photographs analysed: estimates updated" ..
        (got > 0 and (", verification " .. C.signed(got)) or "") .. ".")
    end },

  niact.action{ id = "recon_low", name = "Fly low-level reconnaissance",
    roles = { "us" }, cost = 1, priority = 30,
    text = "RF-8A and RF-101 jets at treetop height: sharp pictures (verification up to 60, "
        .. "the missiles identified to within 6, possibly fewer than are there) but every pass "
        .. "violates Cuban airspace at close range and is in reach of Cuban anti-aircraft "
        .. "guns.",
    source = tp(6) .. "; XI-131; S-505; XI-190",
    resolve = function(state, role)
      C.identify(state, "missiles", 6, 6)
      C.observe(state, "us", "il28", 2)
      C.observe(state, "us", "personnel", 15)
      C.observe(state, "us", "castro_anger", 1)
      local got = C.verify(state, 6, 60)
      state:add("castro_anger", 1)
      state:report("us", "Low-level photographs in: sharp estimates" ..
        (got > 0 and (", verification " .. C.signed(got)) or "") .. ".")
    end },

  niact.action{ id = "quarantine", name = "Set the quarantine",
    roles = { "us" }, cost = 1, priority = 10,
    param = { name = "quarantine (0 lift, 1 suspend, 2 hail and pass, 3 board)", min = 0, max = 3,
              labels = { "lift", "suspend", "hail and pass", "board" },
              default = 2 },
    text = "Lift, suspend, keep (hail and pass) or tighten (board Bloc ships). A standing "
        .. "quarantine costs Moscow prestige and lets the Navy count ships; lifting it "
        .. "before the bombers are agreed angers Congress and the OAS.",
    source = tp(3) .. "; XI-128; VI-80",
    legal = function(state, role, level)
      return state:get("quarantine") ~= level,
        "the quarantine is already at that level"
    end,
    resolve = function(state, role, level)
      local old = state:get("quarantine")
      state:set("quarantine", level)
      if level == 0 then
        state:set("lift_turn", state:turn())
        state:add("prestige", 5)
        state:add("castro_anger", -1)
        state:add("tension", -1)
        if state:get("il28_deal") < 2 then
          state:add("us_pressure", 10)
          state:add("oas_support", -8)
        end
        state:log("The President lifts the naval quarantine of Cuba.")
      elseif old == 0 then
        C.escalate(state, 1)
        state:add("prestige", -3)
        state:log("The United States reimposes the quarantine.")
      elseif level == 3 then
        C.escalate(state, 1)
        state:log("The Navy is ordered to stop and board Bloc ships bound to or from Cuba.")
      elseif level == 1 then
        state:log("The United States suspends the quarantine.")
      else
        state:log("The quarantine returns to hail and pass.")
      end
    end },

  niact.action{ id = "press_un_inspection", name = "Press for UN inspection",
    roles = { "us" }, cost = 1, priority = 40,
    text = "Put the case for UN verification in New York. Proposes observers on the ground if "
        .. "nothing is on the table; otherwise makes each refusal cost Moscow prestige and "
        .. "the UN gain standing. Havana resents it.",
    source = tp(4) .. "; " .. tp(1),
    legal = function(state)
      return state:get("un_inspection") < 3,
        "UN inspection is already operating"
    end,
    resolve = function(state)
      if state:get("un_inspection") == 0 then
        state:set("un_inspection", 1)
        state:set("un_scheme", 1)
        state:log("The United States proposes UN observers on Cuban soil.")
      else
        state:add("prestige", -2)
        state:log("The US delegation presses Moscow on UN verification; Soviet refusals look "
          .. "worse every day.")
      end
      state:add("un_credibility", 2)
      state:add("castro_anger", 1)
    end },

  niact.action{ id = "press_icrc", name = "Press for ICRC inspection",
    roles = { "us" }, cost = 1, priority = 40,
    param = { name = "without Cuba (0 no, 1 yes)", min = 0, max = 1, default = 0,
              labels = { "no", "yes" } },
    text = "Push the Red Cross scheme for incoming ships. With parameter 1 the United States "
        .. "says it will go ahead without Cuban agreement: the ICRC may then act with less "
        .. "Cuban cooperation, but Havana sees it as a breach of its sovereignty. Being seen "
        .. "to act eases the pressure at home the first two times only.",
    source = tp(3) .. "; Fischer",
    legal = function(state)
      return state:get("icrc") < 3,
        "the ICRC inspection is already at work"
    end,
    resolve = function(state, role, without)
      C.raise_to(state, "icrc", 1)
      if without == 1 then
        state:set("icrc_broken", 1)
        state:add("castro_anger", 2)
        state:log("Washington will put the ICRC inspection in place with or without Cuba.")
      else
        state:log("Washington urges prompt ICRC inspection of ships bound for Cuba.")
      end
      if state:add("icrc_pressed", 1) <= 2 then state:add("us_pressure", -2) end
    end },

  niact.action{ id = "demand_il28", name = "Demand the IL-28s",
    roles = { "us" }, cost = 1, priority = 40,
    text = "Insist the bombers are offensive weapons and must go. Builds pressure on Moscow "
        .. "(ignored long enough, it becomes an OAS meeting and a charge of non-compliance), "
        .. "costs Soviet prestige and reassures Latin America.",
    source = tp(7) .. "; XI-151; CIA memo 13 Nov (CREST)",
    legal = function(state)
      return state:get("il28_deal") < 2,
        "the IL-28s are already agreed out"
    end,
    resolve = function(state)
      state:add("il28_pressure", 3)
      state:add("prestige", -1)
      state:add("oas_support", 2)
      state:log("The United States insists the IL-28 bombers are offensive weapons.")
    end },

  niact.action{ id = "demand_sams", name = "Demand the SAMs and technicians leave",
    roles = { "us" }, cost = 1, priority = 40,
    text = "Argue that with the missiles gone the SAMs and troops have no purpose. Moscow may "
        .. "withdraw some; pressing it before the bombers are settled dilutes the IL-28 "
        .. "demand and angers both Moscow and Havana.",
    source = tp(8),
    legal = function(state)
      return state:get("sams") > 0 or state:get("personnel") > 0,
        "no SAMs or Soviet troops are left"
    end,
    resolve = function(state)
      state:add("prestige", -2)
      state:add("castro_anger", 1)
      if state:get("il28_deal") < 2 then
        state:add("il28_pressure", -2)
      end
      state:report("ussr", "Washington demands the SAM sites and the military technicians "
        .. "leave Cuba too.")
      state:log("The United States asks that the SAMs and Soviet technicians leave as well.")
    end },

  niact.action{ id = "restrain_exiles", name = "Restrain the exiles",
    roles = { "us" }, cost = 1, priority = 40,
    text = "Arrest raiding parties in Florida. Exile activity falls and Havana cools, but the "
        .. "arrests are unpopular at home.",
    source = tp(3),
    resolve = function(state)
      state:add("exiles", -3)
      state:add("castro_anger", -1)
      state:add("us_pressure", 3)
      state:log("Federal agents and the Coast Guard keep exile raiding parties in Florida "
        .. "from sailing.")
    end },

  niact.action{ id = "tolerate_exiles", name = "Tolerate the exiles",
    roles = { "us" }, cost = 1, priority = 40,
    text = "Look the other way. Popular at home, but exile activity grows and raids anger "
        .. "Havana and Moscow.",
    source = tp(3) .. "; Life 16 Nov 1962",
    resolve = function(state)
      state:add("exiles", 2)
      state:add("us_pressure", -3)
      state:report("us", "Exile groups notice Washington is not watching closely.")
    end },

  niact.action{ id = "pledge", name = "Offer a non-invasion pledge",
    roles = { "us" }, cost = 1, priority = 10,
    param = { name = "level (2 unconditional, 3 formal)", min = 2, max = 3, default = 2,
              labels = { "unconditional", "formal" } },
    text = "Go beyond the conditional assurance of 27 October: drop its conditions (2) or "
        .. "give a formal pledge in a UN declaration or protocol (3). It eases Havana's fears "
        .. "and restores Soviet prestige; a pledge without verification is a gift Congress "
        .. "and the OAS will not forgive.",
    source = tp(8) .. "; XI-202; V-276",
    legal = function(state, role, level)
      return level > state:get("pledge"),
        "the pledge already stands at that level or higher"
    end,
    resolve = function(state, role, level)
      local verif = state:get("verification")
      state:set("pledge", level)
      state:add("castro_anger", -level)
      state:add("prestige", 3 * level)
      if level == 3 then
        state:add("us_pressure", verif >= 70 and 4 or 14)
        state:add("oas_support", -6)
      elseif level == 2 then
        state:add("us_pressure", verif >= 50 and 1 or 5)
      end
      state:log(level == 3 and "The United States gives a formal pledge not to invade Cuba."
        or "The United States drops the conditions of its assurance against an invasion of "
        .. "Cuba.")
    end },

  niact.action{ id = "raise_readiness", name = "Raise readiness",
    roles = { "us" }, cost = 1, priority = 10,
    text = "Put forces on higher alert and let it show. Tension climbs, pressure on the "
        .. "bombers grows and the public sees resolve.",
    source = tp(6) .. "; Coleman; S-533",
    legal = function(state)
      return state:get("tension") < 5,
        "forces are already at the highest readiness"
    end,
    resolve = function(state)
      C.escalate(state, 1)
      C.alert(state, 1)
      state:add("il28_pressure", 2)
      state:add("us_pressure", -3)
      state:log("US forces go to a higher state of readiness (" .. state:label("us_alert")
        .. ").")
    end },

  niact.action{ id = "stand_down", name = "Lower readiness",
    roles = { "us", "ussr" }, cost = 1, priority = 10,
    text = "Lower alert levels and release reserves. Tension falls one step (and for the "
        .. "United States, its alert a step). For the United States it looks soft while the "
        .. "bombers are contested; for Moscow it costs a little prestige. Only what was "
        .. "raised can be lowered: the United States needs an alert above its lowest step, "
        .. "Moscow its readiness measures of 23 October still in force (cancelled once).",
    source = "VI-80; UPI 21 Nov; XI-196",
    legal = function(state, role)
      if state:get("tension") == 0 then return false, "readiness is already at its lowest" end
      if role == "us" then
        return state:get("us_alert") > 0, "US forces are already at their lowest alert"
      end
      return state:get("ussr_readiness") > 0,
        "the Soviet readiness measures are already cancelled"
    end,
    resolve = function(state, role)
      state:add("tension", -1)
      if role == "us" then
        if state:get("il28_deal") < 2 then state:add("us_pressure", 3) end
        C.alert(state, -1)
        state:log("The United States lowers its alert (" .. state:label("us_alert") .. ").")
      else
        state:add("prestige", -1)
        state:set("ussr_readiness", 0)
        state:log("The Soviet Union and the Warsaw Pact cancel readiness measures.")
      end
    end },

  niact.action{ id = "retaliate", name = "Retaliate against the anti-aircraft site",
    roles = { "us" }, cost = 2, priority = 15,
    text = "Armed reconnaissance, then an attack on the site that fired. Answers the demand "
        .. "at home, but pushes the ladder toward the brink: a step for a Cuban gun battery, "
        .. "two for a SAM site still manned by Soviet crews (which it destroys), a third if "
        .. "the island still holds tactical nuclear warheads and Havana is at its angriest (9+). "
        .. "Possible only after an aircraft has been fired on.",
    source = tp(6) .. "; XI-192",
    legal = function(state)
      return state:get("unanswered") > 0,
        "no aircraft has been fired on without an answer"
    end,
    resolve = function(state)
      state:set("unanswered", 0)
      state:set("retaliation", 0)
      state:add("us_pressure", -12)
      state:add("castro_anger", 3)
      state:add("prestige", -5)
      local up = 1
      if state:get("last_fire") == 2 and state:get("sam_control") < 2 then
        up = up + 1
        state:add("sams", -1)
        state:report("ussr", "Soviet crews were killed at the SAM site the Americans struck.")
      else
        state:report("ussr", "The Americans struck a Cuban anti-aircraft battery; Cuban "
          .. "gunners were killed.")
      end
      if state:get("tactical") > 0 and state:get("castro_anger") >= 9 then
        up = up + 1
        state:report("ussr", "Commanders in Cuba with tactical nuclear weapons ask for "
          .. "permission to defend themselves.")
      end
      C.escalate(state, up)
      state:log("US aircraft strike the anti-aircraft site that fired on a reconnaissance "
        .. "plane.")
    end },
}

return A
