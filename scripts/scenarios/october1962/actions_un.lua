-- The United Nations' actions. Until the crisis is public U Thant can only watch.
local C = require("common")
local A = {}

local function public(state) return C.public(state), "the crisis is still secret" end

A.list = {
  niact.action{ id = "soundings", name = "Sound out the delegations",
    roles = { "un" }, cost = 1, priority = 40,
    text = "Quiet talks in the Delegates' Lounge: the UN's estimate of Havana's trust "
        .. "sharpens; credibility +1.",
    source = "Dorn",
    resolve = function(state)
      C.observe(state, "un", "havana_trust", 1)
      state:add("un_credibility", 1)
    end },

  niact.action{ id = "convene_council", name = "Open the Security Council debate",
    roles = { "un" }, cost = 1, priority = 35,
    text = "The Council meets at the request of the United States, the Soviet Union and "
        .. "Cuba: credibility +4, Cuba's voice +3.",
    source = "Dorn; UNSC 25 Oct",
    legal = public,
    resolve = function(state)
      state:add("un_credibility", 4)
      state:add("cuba_voice", 3)
      state:log("The Security Council debates the Caribbean crisis.")
    end },

  niact.action{ id = "appeal_standstill", name = "Appeal for a standstill",
    roles = { "un" }, cost = 1, priority = 30,
    text = "U Thant asks both powers to suspend the shipments and the quarantine for two "
        .. "or three weeks. The standstill is accepted once the Soviet ships are stopped and "
        .. "no ship has been boarded this turn: tension -1, credibility +8.",
    source = "Dorn; Dorn",
    legal = function(state)
      return C.public(state) and state:get("standstill") < 2,
        "the crisis is still secret, or the standstill is accepted"
    end,
    resolve = function(state)
      if state:get("standstill") == 0 then
        state:set("standstill", 1)
        state:add("un_credibility", 3)
        state:log("U Thant appeals to Kennedy and Khrushchev to suspend the shipments and "
          .. "the quarantine for two or three weeks.")
      end
    end },

  niact.action{ id = "mediate", name = "Mediate",
    roles = { "un" }, cost = 1, priority = 80,
    text = "Messages to all sides: tension -1 (not below 'tense') unless someone struck, "
        .. "invaded or fired this turn; halves the brink roll. Credibility +2.",
    source = "Dorn",
    legal = public,
    resolve = function(state)
      state:add("un_credibility", 2)
      if state:ordered("us", "air_strike") or state:ordered("us", "invade")
         or state:ordered("us", "retaliate") then
        state:log("U Thant's appeals are lost in the noise of the fighting.")
      else
        C.ease(state, 1, 2)
      end
    end },

  niact.action{ id = "offer_observers", name = "Offer UN observers",
    roles = { "un" }, cost = 1, priority = 50,
    text = "Propose UN observers to verify the removal: credibility +3, and a conditional "
        .. "pledge becomes easier for Washington to give (its cost in pressure -3).",
    source = "Dorn",
    legal = function(state)
      return C.public(state) and state:get("removal") >= 1,
        "there is nothing to observe until the work stops"
    end,
    resolve = function(state)
      state:add("un_credibility", 3)
      state:add("us_pressure", -3)
      state:log("The Secretary-General offers UN observers to verify the removal.")
    end },
}

return A
