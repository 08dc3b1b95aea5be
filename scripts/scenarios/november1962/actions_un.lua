-- The United Nations' actions (the Secretary-General), and the one action open to both
-- superpowers: raising the wider issues (point 9).
local C = require("common")
local A = {}

local function tp(n) return "telegram 1158, point " .. n end

-- Whether either superpower did something hostile this turn (mediation then fails).
local function hostile(state)
  return state:ordered("us", "raise_readiness") or state:ordered("us", "retaliate")
      or state:ordered("ussr", "hand_sams") or state:ordered("us", "quarantine") == 3
end

A.list = {
  niact.action{ id = "mediate", name = "Mediate between the parties",
    roles = { "un" }, cost = 1, priority = 70,
    text = "Shuttle between the delegations. Lowers tension one step (at crisis or above) "
        .. "and raises UN credibility, unless one side escalated this same turn. Below high "
        .. "tension there is no dispute left to carry between them: the talks go on, and "
        .. "the UN gains no standing from them.",
    source = "Dorn; S-475",
    resolve = function(state)
      if hostile(state) then
        state:add("un_credibility", -1)
        state:log("U Thant's mediation is overtaken by events.")
        return
      end
      if state:get("tension") >= 3 then state:add("un_credibility", 2) end
      if state:get("tension") >= 4 then
        state:add("tension", -1)
        state:log("U Thant's mediation brings the parties back from the edge.")
      else
        state:add("us_pressure", -1)
        state:log("U Thant keeps the delegations talking in New York.")
      end
    end },

  niact.action{ id = "propose_scheme", name = "Propose an inspection scheme",
    roles = { "un" }, cost = 1, priority = 50,
    param = { name = "scheme (1 ground observers, 2 aerial, 3 at sea)", min = 1, max = 3,
              labels = { "ground observers", "aerial", "at sea" },
              default = 1 },
    text = "Put a verification arrangement on the table: observers on the ground, UN "
        .. "aerial inspection, or inspection at sea. Ground and air verify most and need "
        .. "Cuban consent; sea needs only Moscow's.",
    source = tp(4) .. "; Dorn; S-475",
    legal = function(state, role, scheme)
      return state:get("un_inspection") < 3 and state:get("un_scheme") ~= scheme,
        "that scheme is already on the table, or inspection is already operating"
    end,
    resolve = function(state, role, scheme)
      state:set("un_scheme", scheme)
      state:set("un_inspection", 1)
      state:add("un_credibility", 2)
      state:log("The Secretary-General proposes " .. state:label("un_scheme", scheme)
        .. " to verify the removal.")
    end },

  niact.action{ id = "broker_icrc", name = "Broker the ICRC scheme",
    roles = { "un" }, cost = 1, priority = 50,
    text = "Arrange the Red Cross inspection of incoming ships (a neutral ship, about thirty "
        .. "inspectors). Once Moscow has agreed and Cuba consents (cooperation 4, or 2 if "
        .. "Washington said it will go ahead without Cuba) the ICRC agrees in principle, and "
        .. "inspection can start three turns later if the quarantine still stands; otherwise "
        .. "only proposes it.",
    source = tp(3) .. "; Fischer; ICRC circular 15 Nov",
    legal = function(state)
      return state:get("icrc") < 3,
        "the ICRC inspection is already at work"
    end,
    resolve = function(state)
      local st = state:get("icrc")
      local need = state:get("icrc_broken") == 1 and 2 or 4
      state:add("un_credibility", 1)
      if st < 2 then
        C.raise_to(state, "icrc", 1)
        state:log("The Secretary-General asks the ICRC to stand ready; Moscow has yet to "
          .. "agree.")
      elseif state:get("icrc_ready_turn") > 0 then
        state:log("The ICRC is still chartering a neutral ship and recruiting its inspectors.")
      elseif state:get("cooperation") >= need then
        state:set("icrc_ready_turn", state:turn() + 3)
        state:add("un_credibility", 2)
        state:log("The ICRC agrees in principle to inspect ships bound for Cuba for the UN; a "
          .. "neutral ship and about thirty inspectors must now be found.")
      else
        state:log("The ICRC will not act without Cuba's consent, and Havana says no.")
      end
    end },

  niact.action{ id = "visit_havana", name = "Visit Havana",
    roles = { "un" }, cost = 1, priority = 50,
    text = "The Secretary-General flies to Havana. Eases Cuban resentment, raises "
        .. "cooperation and lets the UN see for itself. Far more if the United States "
        .. "suspends (or has lifted) the quarantine and flies no reconnaissance at all this "
        .. "turn, as it did for U Thant's visit of 30-31 October (good faith, point 3).",
    source = tp(3) .. "; S-475; Dorn",
    resolve = function(state)
      local high, low = C.flew(state)
      local good = state:get("quarantine") <= 1 and not high and not low
      C.observe(state, "un", "missiles", 8)
      C.observe(state, "un", "il28", 6)
      C.observe(state, "un", "castro_anger", 0)
      if good then
        state:add("castro_anger", -2)
        state:add("cooperation", 2)
        state:add("un_credibility", 3)
        state:log("U Thant is received in Havana while the United States holds its ships "
          .. "and planes back; the Cuban leaders hear him out.")
      else
        state:add("castro_anger", -1)
        state:add("cooperation", 1)
        state:add("un_credibility", -1)
        state:log("U Thant visits Havana while American ships and planes keep up the "
          .. "pressure; the Cuban government receives him and concedes nothing.")
      end
    end },

  niact.action{ id = "convene_council", name = "Convene the Security Council",
    roles = { "un" }, cost = 1, priority = 60,
    text = "Put the dispute on the record in public. Whoever is behind on the commitments "
        .. "pays: Moscow if missiles are still in Cuba or the bombers contested, Washington "
        .. "if the quarantine still stands with the missiles gone.",
    source = "V-276; XI-263",
    resolve = function(state)
      state:add("un_credibility", state:get("tension") >= 4 and 3 or 1)
      if state:get("missile_stage") < 4 or state:get("il28_deal") == 0 then
        state:add("prestige", -3)
      end
      if C.missiles_gone(state) and state:get("quarantine") >= 2 then
        state:add("us_pressure", 3)
        state:add("oas_support", -2)
      end
      state:log("The Security Council meets on the Cuban question.")
    end },

  niact.action{ id = "certify", name = "Certify what the UN has seen",
    roles = { "un" }, cost = 1, priority = 60,
    text = "Report to the Council what UN or ICRC inspectors have verified (five reports at "
        .. "most). Backed by an operating inspection it adds real verification and counts as "
        .. "a UN role; certifying what nobody saw adds little, costs credibility and is no "
        .. "role at all.",
    source = tp(1) .. "; Dorn",
    legal = function(state)
      return state:get("un_reports") < 5,
        "the UN has certified all it can"
    end,
    resolve = function(state)
      state:add("un_reports", 1)
      if C.inspection_operating(state) then
        state:add("un_certified", 1)
        C.verify(state, 12, 100)
        state:add("un_credibility", 4)
        state:add("us_pressure", -4)
        state:log("The Secretary-General certifies what UN inspectors have seen.")
      else
        C.verify(state, 2, 100)
        state:add("un_credibility", -5)
        state:log("The Secretary-General reports Soviet statements he cannot check.")
      end
    end },

  niact.action{ id = "gather_reports", name = "Ask for declarations",
    roles = { "un" }, cost = 1, priority = 50,
    text = "Ask Moscow for a declared inventory and Washington for its photographs. The UN's "
        .. "own estimates sharpen; a United States with no better estimate (error over 6) "
        .. "learns from the Soviet figures, which may flatter.",
    source = tp(2) .. "; Dorn",
    resolve = function(state)
      C.observe(state, "un", "missiles", 4)
      C.observe(state, "un", "il28", 4)
      C.observe(state, "un", "castro_anger", 1)
      local declared = math.max(0, state:get("missiles") - state:random(0, 3))
      local _, err = state:estimate("us", "missiles")
      if err > 6 then state:set_estimate("us", "missiles", declared, 6) end
      state:add("un_credibility", 1)
      state:log("The Secretary-General circulates the declarations he received.")
    end },

  niact.action{ id = "appeal_restraint", name = "Appeal for restraint",
    roles = { "un" }, cost = 1, priority = 5,
    text = "A public appeal to all three governments. For this turn, firing on aircraft is "
        .. "less likely, exiles lie low and retaliation demands cool.",
    source = "Dorn (24 Oct standstill appeal)",
    resolve = function(state)
      state:set("appeal", 1)
      state:add("exiles", -1)
      state:add("retaliation", -2)
      state:add("un_credibility", 1)
      state:log("The Secretary-General appeals to all parties to avoid any act that could "
        .. "aggravate the situation.")
    end },

  niact.action{ id = "raise_berlin", name = "Raise Berlin and disarmament",
    roles = { "us", "ussr" }, cost = 1, priority = 10,
    text = "Open the wider issues. Until the offensive weapons are clearly on their way "
        .. "home (every missile gone and the IL-28 bombers leaving) this is linkage and costs "
        .. "whoever does it (and the ladder a step); afterwards it opens the wider talks, "
        .. "easing tension.",
    source = tp(9) .. "; XI-127",
    legal = function(state)
      return state:get("wider_talks") == 0,
        "the wider talks are already open"
    end,
    resolve = function(state, role)
      if not C.on_their_way(state) then
        C.escalate(state, 1)
        if role == "us" then
          state:add("us_pressure", 6)
          state:add("oas_support", -6)
        else
          state:add("prestige", -4)
          state:add("us_pressure", 3)
        end
        state:log((role == "us" and "Washington" or "Moscow") .. " tries to link Cuba with "
          .. "Berlin and disarmament; the other side refuses to talk of anything else "
          .. "until the weapons are gone.")
      else
        state:set("wider_talks", 1)
        state:add("tension", -1)
        state:add("prestige", 3)
        state:add("un_credibility", 2)
        state:add("us_pressure", -2)
        state:log("With the missiles gone and the bombers leaving, the two powers open wider "
          .. "talks on Berlin and disarmament.")
      end
    end },
}

return A
