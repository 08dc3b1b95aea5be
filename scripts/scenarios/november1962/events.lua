-- Events from the record: scheduled on their dates, and random ones whose chance
-- depends on the state. Each names its source (history.md keys; docs/sources.md).
-- Dated events are declared in date order. Those on a turn's first day that do not
-- depend on the turn's orders open the turn (opens_turn): their news heads the turn and
-- is in the briefing, so the log reads in date order.
local C = require("common")
local cuba = require("cuba")
local E = {}

E.list = {
  niact.event{ id = "castro_speech", name = "Castro rejects all inspection",
    date = "1962-11-01", opens_turn = true,
    text = "On television Castro rejects inspection of any kind on Cuban soil.",
    source = "XI-133; CWIHP; S-475",
    effect = function(state)
      state:add("cooperation", -1)
      state:log("In a television address Fidel Castro rejects inspection of any kind on Cuban "
        .. "soil as an infringement of Cuba's sovereignty.")
    end },

  niact.event{ id = "mikoyan_arrives", name = "Mikoyan in Havana", date = "1962-11-02",
    text = "Anastas Mikoyan arrives in Havana to win over the Cuban leaders; he stays until 26 November.",
    source = "XI-135; NSA-393",
    effect = function(state)
      state:add("castro_anger", -1)
      state:report("ussr", "Mikoyan has reached Havana. The Cuban leaders resent not having "
        .. "been consulted on 28 October; bargaining with them will take time.")
      state:log("Soviet First Deputy Premier Mikoyan arrives in Havana.")
    end },

  niact.event{ id = "mikoyan_stays", name = "Mikoyan stays in Havana", date = "1962-11-03",
    text = "Mikoyan learns his wife has died and stays at the table; the Cubans notice.",
    source = "Alekseev cable 4 Nov",
    effect = function(state)
      state:add("cooperation", 1)
      state:report("ussr", "Mikoyan's wife has died in Moscow. He stays in Havana; the "
        .. "Cuban leaders are moved.")
    end },

  niact.event{ id = "obsolete", name = "\"Obsolete\" bombers", date = "1962-11-05",
    text = "Khrushchev, then Kuznetsov, call the IL-28s obsolete coastal defence; Kennedy "
        .. "insists. The argument hardens in Washington if nothing has been conceded.",
    source = "XI-151",
    effect = function(state)
      if state:get("il28_deal") == 0 then
        state:add("il28_pressure", 1)
        state:log("The President insists: the IL-28 bombers are offensive weapons and must "
          .. "go.")
      end
    end },

  niact.event{ id = "midterms", name = "Midterm elections", date = "1962-11-06",
    text = "Americans vote. A President seen as firm and getting results gains room; one "
        .. "under fire loses it.",
    source = "NYT",
    effect = function(state)
      if state:get("us_pressure") > 55 then
        state:add("us_pressure", 5)
        state:log("Midterm elections: Republicans campaign on 'unverified promises' and gain.")
      else
        state:add("us_pressure", -8)
        state:log("Midterm elections: the President's party holds its ground; the Cuban "
          .. "handling is judged firm.")
      end
    end },

  niact.event{ id = "dod_dismantled", name = "\"All known bases dismantled\"",
    date = "1962-11-08",
    text = "The Defense Department reports on the missile sites.",
    source = "NYT 8 Nov",
    effect = function(state)
      if state:get("missile_stage") >= 2 then
        state:add("us_pressure", -3)
        state:log("The Pentagon says all known missile bases in Cuba have been dismantled.")
      else
        state:add("us_pressure", 3)
        state:log("The Pentagon says work continues at missile sites in Cuba.")
      end
    end },

  niact.event{ id = "newport_news", name = "Counting at sea", date = "1962-11-09",
    text = "USS Newport News and other ships come alongside outbound Soviet freighters "
        .. "(Labinsk stalls for hours). What they can count depends on what Moscow "
        .. "uncovered.",
    source = "Kennedy letter 15 Nov; NYT 9 Nov",
    effect = function(state)
      local counted = state:get("missiles_counted")
      if counted > 0 then
        state:add("us_pressure", -4)
        state:log("The Navy reports " .. counted .. " missiles counted on the decks of "
          .. "departing Soviet ships.")
      elseif state:get("missile_stage") >= 3 then
        state:add("us_pressure", 3)
        state:log("Soviet freighters leave with covered cargo; after hours of stalling the "
          .. "Navy still cannot count a single missile.")
      else
        state:add("us_pressure", 5)
        state:log("The Navy waits at the quarantine line: no missile has left Cuba yet.")
      end
    end },

  niact.event{ id = "backchannel", name = "Robert Kennedy's offer", date = "1962-11-12",
    text = "Robert Kennedy tells Dobrynin: order the IL-28s out within about 30 days and the "
        .. "quarantine lifts at once.",
    source = "XI-171; XI-173; CWIHP",
    effect = function(state)
      state:report({ "us", "ussr" }, "Backchannel: if Moscow orders the IL-28s out within "
        .. "30 days, Washington will lift the quarantine at once; the pledge need not be "
        .. "public.")
      if state:get("il28_deal") == 0 then state:add("il28_pressure", 1) end
    end },

  niact.event{ id = "matahambre", name = "Sabotage team captured", date = "1962-11-13",
    text = "Cuba announces the capture of the CIA team landed on 20 October to sabotage the "
        .. "Matahambre mine: one incident, announced once.",
    source = "EcuRed; CIA memo to Lansdale (NSA)",
    effect = function(state)
      state:add("castro_anger", 2)
      state:add("us_pressure", 2)
      state:log("Cuba announces the capture of a CIA sabotage team at the Matahambre mine.")
    end },

  niact.event{ id = "castro_threat", name = "Castro threatens to fire", date = "1962-11-15",
    text = "Castro writes to U Thant that Cuba will fire on aircraft violating its airspace. "
        .. "From the next turn Cuban gunners have orders to fire on low-level flights.",
    source = "Castro letter 15 Nov; NYT; Kennedy 15 Nov",
    effect = function(state)
      state:add("castro_anger", 1)
      state:set("threat_turn", state:turn())
      state:log("Castro informs U Thant that Cuban anti-aircraft batteries will fire on "
        .. "any aircraft violating Cuban airspace.")
    end },

  niact.event{ id = "sac_stand_down", name = "SAC leaves DEFCON 2", date = "1962-11-15",
    text = "The Strategic Air Command, at DEFCON 2 since 24 October, steps down, unless "
        .. "Washington has raised its forces' readiness further.",
    source = "NSA \"Crises, Alerts and DEFCONs\"; NYT",
    condition = function(state) return state:get("us_alert") == 2 end,
    effect = function(state)
      state:set("us_alert", 1)
      state:log("The Strategic Air Command leaves DEFCON 2, where it has stood since 24 "
        .. "October.")
    end },

  niact.event{ id = "mccone_warning", name = "McCone's warning", date = "1962-11-16",
    opens_turn = true,
    text = "The CIA director warns that short-range missiles may remain.",
    source = "XI-190; S-533",
    effect = function(state)
      state:report("us", "McCone warns that weapons we have not identified may still be in "
        .. "Cuba. Our counts cover only what we have seen.")
    end },

  niact.event{ id = "hard_intelligence", name = "Orders to fire", date = "1962-11-19",
    opens_turn = true,
    text = "The ExComm hears hard intelligence that Cuban anti-aircraft units have been "
        .. "ordered to fire; low-level flights are put off.",
    source = "XI-192",
    effect = function(state)
      if cuba.threat_in_force(state) then
        state:report("us", "Hard intelligence: Cuban anti-aircraft units are ordered to fire "
          .. "on low-flying aircraft. A retaliation plan is ready: armed reconnaissance, then "
          .. "the offending site.")
      else
        state:report("us", "Intelligence: Cuban anti-aircraft units are on alert, but no "
          .. "firing orders have been intercepted.")
      end
    end },

  niact.event{ id = "castro_letter", name = "Castro lets the bombers go", date = "1962-11-19",
    opens_turn = true,
    text = "If Mikoyan has worked on him, Castro writes that the IL-28s are Soviet property "
        .. "and may go; conceding them then angers Havana no further.",
    source = "Castro letter 19 Nov (FBIS)",
    condition = function(state) return state:get("bargains") >= 2 end,
    effect = function(state)
      state:add("bargains", 3)
      state:add("castro_anger", -1)
      state:log("Castro writes to U Thant that the IL-28s are Soviet property and may be "
        .. "withdrawn; Cuba still refuses inspection.")
    end },

  niact.event{ id = "press_conference", name = "Kennedy's press conference",
    date = "1962-11-20",
    text = "The President speaks to the nation. With the bombers agreed and the quarantine "
        .. "lifted it is a triumph; with the bombers still contested it is a charge of "
        .. "non-compliance.",
    source = "XI-196; VI-80; press conference 20 Nov",
    effect = function(state)
      if state:get("quarantine") == 0 and state:get("il28_deal") >= 2 then
        state:add("us_pressure", -8)
        state:add("oas_support", 4)
        state:log("President Kennedy announces that the bombers will leave and the quarantine "
          .. "is lifted" .. (state:get("pledge") == 1 and "; he restates the assurance "
          .. "against invasion, on its conditions." or "."))
      elseif state:get("il28_deal") == 0 then
        C.escalate(state, 1)
        state:add("prestige", -3)
        state:log("President Kennedy says the Soviet Union has not kept its word on the "
          .. "bombers.")
      else
        state:log("President Kennedy reports progress but says verification is incomplete.")
      end
    end },

  niact.event{ id = "pact_stand_down", name = "Warsaw Pact stands down", date = "1962-11-21",
    text = "Once the quarantine is lifted Moscow cancels its readiness measures, if the "
        .. "Soviet seat has not already done so.",
    source = "UPI 21 Nov",
    condition = function(state)
      return state:get("quarantine") == 0 and state:get("ussr_readiness") > 0
        and not state:ordered("ussr", "stand_down")
    end,
    effect = function(state)
      if state:get("tension") > 1 then state:add("tension", -1) end
      state:set("ussr_readiness", 0)
      state:log("The Soviet Union and the Warsaw Pact cancel their readiness measures.")
    end },

  niact.event{ id = "mikoyan_tactical", name = "Mikoyan and the tactical weapons",
    date = "1962-11-22", opens_turn = true,
    text = "Mikoyan tells the Cuban leaders that the tactical nuclear weapons will not be "
        .. "handed over: Soviet law forbids it.",
    source = "NSA-393",
    effect = function(state)
      if state:get("tactical") > 0 then
        state:report("ussr", "Mikoyan has told the Cubans the tactical weapons stay Soviet "
          .. "and will leave. " .. state:get("tactical") .. " are still on the island.")
        state:add("castro_anger", 1)
      end
    end },

  niact.event{ id = "mikoyan_leaves", name = "Mikoyan leaves Havana", date = "1962-11-26",
    text = "Mikoyan flies to New York; without him Havana is harder to handle.",
    source = "XI-212",
    effect = function(state)
      state:add("cooperation", -1)
      state:log("Mikoyan leaves Havana for New York, 'the hardest bargainer in the Kremlin's "
        .. "stable'.")
    end },

  niact.event{ id = "kennedy_mikoyan", name = "Kennedy meets Mikoyan", date = "1962-11-29",
    text = "Three hours at the White House; deadlock on inspection unless a UN scheme is "
        .. "working. If Moscow has asked for a protocol with Cuba's points, Washington has "
        .. "rejected it.",
    source = "XI-212; XI-218/219",
    effect = function(state)
      if state:get("protocols") > 0 and state:get("pledge") < 3 then
        state:log("The United States rejects a protocol that would include Cuba's five "
          .. "points.")
      end
      if state:get("un_inspection") < 3 then
        state:add("un_credibility", -2)
        state:log("Kennedy and Mikoyan talk for three hours and remain deadlocked on "
          .. "inspection.")
      else
        state:add("prestige", 2)
        state:log("Kennedy and Mikoyan welcome the UN inspection in operation.")
      end
    end },

  niact.event{ id = "okhotsk", name = "Bombers still in Cuba?", date = "1962-12-01",
    text = "December begins: if the bombers are not leaving this turn (in the record the "
        .. "Okhotsk was photographed with IL-28s on deck on 1 December), Washington notices.",
    source = "NYT 1 Dec",
    condition = function(state)
      local agreed = state:get("il28_agreed_turn")
      local leaving = state:get("il28_deal") >= 2 and agreed > 0
          and state:turn() >= agreed + 4
      return state:get("il28") > 0 and not leaving
    end,
    effect = function(state)
      state:add("us_pressure", 4)
      state:log("December begins with the IL-28 bombers still on Cuban airfields.")
    end },

  niact.event{ id = "overflight_policy", name = "Regular overflights", date = "1962-12-04",
    opens_turn = true,
    text = "Regular high-level overflights become policy; low-level only with the "
        .. "President's approval.",
    source = "XI-226",
    effect = function(state)
      state:add("castro_anger", 1)
      state:log("Washington announces regular high-level surveillance of Cuba will continue.")
    end },

  -- Random events.
  niact.event{ id = "exile_raid", name = "Exile raid", chance = 35, once = false,
    text = "An exile group shoots up a Cuban coastal target. Likely when exile activity is "
        .. "high (5 or more).",
    source = "Life 16 Nov 1962 (Alpha 66); telegram 1158, point 3",
    condition = function(state) return state:get("exiles") >= 5 end,
    effect = function(state)
      state:add("castro_anger", 2)
      state:add("prestige", -1)
      state:add("exiles", -2)
      state:add("un_credibility", -1)
      state:log("An exile group raids the Cuban coast from a speedboat. Havana and Moscow "
        .. "hold Washington responsible.")
    end },

  niact.event{ id = "incident_at_sea", name = "Incident at sea", chance = 30, once = false,
    text = "With the Navy boarding ships, a stop goes wrong.",
    source = "NYT 9 Nov; Dobbs (submarines)",
    condition = function(state) return state:get("quarantine") == 3 end,
    effect = function(state)
      C.escalate(state, 1)
      state:log("A Soviet freighter refuses to stop; a US destroyer fires warning shots "
        .. "across her bow.")
    end },

}

return E
