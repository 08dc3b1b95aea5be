-- The Soviet Union's actions: dismantling and shipping, assurances, Castro, the bombers,
-- the SAMs, the troops and the tactical weapons, consent to inspection.
local C = require("common")
local A = {}

local function tp(n) return "telegram 1158, point " .. n end

-- Moves up to 21 missiles from Cuba onto ships; returns how many.
-- Both ways of shipping need crated missiles still in Cuba.
local function can_ship(state)
  return state:get("missile_stage") >= 2 and state:get("missiles") > 0,
    "the missiles must be crated at port first, and some left to ship"
end

local function load_ships(state)
  local n = math.min(21, state:get("missiles"))
  state:add("missiles", -n)
  state:add("shipped_now", n)
  C.raise_to(state, "missile_stage", 3)
  return n
end

A.list = {
  niact.action{ id = "dismantle", name = "Dismantle the missile sites",
    roles = { "ussr" }, cost = 1, priority = 20,
    text = "Finish taking the launch sites apart (begun on 29 October) and crate the "
        .. "missiles at the ports. Seen from the air.",
    source = tp(1) .. "; XI-135; NYT 8 Nov",
    legal = function(state)
      return state:get("missile_stage") < 2,
        "the missiles are already crated"
    end,
    resolve = function(state)
      local s = state:add("missile_stage", 1)
      state:add("prestige", -1)
      state:add("us_pressure", -2)
      state:log("Soviet troops " .. (s == 1 and "resume dismantling the missile sites."
        or "finish dismantling the sites and crate the missiles at the ports."))
    end },

  niact.action{ id = "ship_inspected", name = "Ship missiles, uncovered for counting",
    roles = { "ussr" }, cost = 1, priority = 20,
    text = "Load up to 21 missiles and let US ships come alongside and count them on deck. "
        .. "The count is verification the United States can trust; the display costs "
        .. "prestige.",
    source = tp(1) .. "; XI-156; S-505; Kennedy letter 15 Nov",
    legal = can_ship,
    resolve = function(state)
      local n = load_ships(state)
      state:add("missiles_counted", n)
      C.verify(state, n, 100)
      state:add("prestige", -3)
      C.observe(state, "us", "missiles", 2)
      state:log("Soviet freighters leave Cuba with " .. n .. " missiles uncovered on deck; "
        .. "US destroyers come alongside and count them.")
    end },

  niact.action{ id = "ship_covered", name = "Ship missiles without inspection",
    roles = { "ussr" }, cost = 1, priority = 20,
    text = "Load up to 21 missiles under tarpaulins. Spares Soviet pride, but the United "
        .. "States cannot count them: little verification, and if the Navy is boarding, it "
        .. "boards.",
    source = tp(1) .. "; NYT 9 Nov (Labinsk stalls)",
    legal = can_ship,
    resolve = function(state)
      local n = load_ships(state)
      if state:get("quarantine") == 3 then
        state:add("missiles_counted", n)
        C.verify(state, n, 100)
        state:add("prestige", -6)
        C.escalate(state, 1)
        state:add("castro_anger", 1)
        state:log("US sailors board Soviet freighters leaving Cuba and count " .. n
          .. " missiles under the tarpaulins. Moscow protests an act of piracy.")
      else
        state:add("uninspected_now", n)
        C.verify(state, 2, 100)
        C.observe(state, "us", "missiles", 10)
        state:log("Soviet freighters leave Cuba with covered deck cargo; the Navy cannot "
          .. "say what is under the tarpaulins.")
      end
    end },

  niact.action{ id = "assure", name = "Give verbal assurances",
    roles = { "ussr" }, cost = 1, priority = 20,
    text = "Tell Washington and the UN that everything is being removed. Costs nothing and "
        .. "proves nothing: the first two times US pressure eases a little and Moscow looks "
        .. "reasonable; after that nobody is listening.",
    source = tp(2),
    resolve = function(state)
      if state:add("assurances", 1) > 2 then
        state:log("Soviet representatives repeat their assurances; nobody is listening any "
          .. "more.")
        return
      end
      state:add("us_pressure", -1)
      state:add("prestige", 1)
      state:log("Soviet representatives assure the UN that all offensive weapons are being "
        .. "removed.")
    end },

  niact.action{ id = "bargain_castro", name = "Bargain with Castro (Mikoyan)",
    roles = { "ussr" }, cost = 1, priority = 20,
    text = "Mikoyan sits with the Cuban leadership for another round. Calms Castro a little "
        .. "and, once he is below 8, raises Cuban cooperation; past 9 he may not listen. Moscow is seen to "
        .. "give Havana its way.",
    source = "NSA-393; Alekseev cable 4 Nov; XI-212",
    resolve = function(state)
      state:add("bargains", 1)
      local anger = state:get("castro_anger")
      if anger >= 9 and state:chance(50) then
        state:report("ussr", "The Cuban leaders restate their objections at length and "
          .. "concede nothing this round.")
      else
        state:add("castro_anger", -1)
        if anger <= 7 then state:add("cooperation", 1) end
        state:report("ussr", "Mikoyan's talks in Havana make some progress.")
      end
      state:add("prestige", -1)
    end },

  niact.action{ id = "concede_il28", name = "Concede the IL-28s",
    roles = { "ussr" }, cost = 1, priority = 8,
    text = "First in principle, then with a 30-day timetable. Each step costs prestige and "
        .. "angers Castro (less once he has agreed the bombers are Soviet property); the "
        .. "second step eases US pressure at once.",
    source = tp(7) .. "; XI-171; XI-196",
    legal = function(state)
      return state:get("il28_deal") < 2 and state:get("il28") > 0,
        "the IL-28s are already agreed out or gone"
    end,
    resolve = function(state)
      local step = state:add("il28_deal", 1)
      state:add("prestige", step == 1 and -4 or -2)
      state:add("castro_anger", state:get("bargains") >= 3 and 0 or 2)
      if step == 2 then
        state:set("il28_agreed_turn", state:turn())
        state:add("us_pressure", -10)
        state:add("il28_pressure", -10)
        state:log("Khrushchev agrees the IL-28s will leave within 30 days and may be observed "
          .. "and counted.")
      else
        state:add("il28_pressure", -2)
        state:log("Moscow concedes in principle that the IL-28 bombers will go.")
      end
    end },

  niact.action{ id = "contest_il28", name = "Contest the IL-28s",
    roles = { "ussr" }, cost = 1, priority = 20,
    text = "Call the bombers obsolete coastal defence and Cuban business. Restores prestige "
        .. "and pleases Havana, but Washington's public grows angrier and its case against "
        .. "the bombers hardens.",
    source = tp(7) .. "; XI-151",
    legal = function(state)
      return state:get("il28_deal") == 0,
        "the IL-28 question is already conceded"
    end,
    resolve = function(state)
      state:add("prestige", 2)
      state:add("il28_pressure", 1)
      state:add("castro_anger", -1)
      state:add("us_pressure", 4)
      state:log("Moscow says the IL-28s are obsolete coastal-defence aircraft, not offensive "
        .. "weapons.")
    end },

  niact.action{ id = "order_restraint", name = "Order SAM and anti-aircraft restraint",
    roles = { "ussr" }, cost = 1, priority = 5,
    text = "Tell Soviet officers to keep their hands off the firing keys and lean on the "
        .. "Cubans to hold their guns. Cuts the risk of firing on US aircraft this turn and "
        .. "next; Castro resents it.",
    source = tp(6) .. "; Dobbs",
    resolve = function(state)
      state:set("sam_restraint", 2)
      state:add("castro_anger", 1)
      state:report("ussr", "Orders go out: no firing on American aircraft.")
    end },

  niact.action{ id = "hand_sams", name = "Hand SAM sites to Cuban crews",
    roles = { "ussr" }, cost = 1, priority = 5,
    text = "Train Cubans onto the SA-2s and give them the keys, step by step. Havana is "
        .. "grateful and Moscow can say the air defence is Cuban; but Cuban crews fire more "
        .. "readily.",
    source = tp(6) .. "; XI-128",
    legal = function(state)
      return state:get("sam_control") < 2 and state:get("sams") > 0,
        "the SAMs are already in Cuban hands, or gone"
    end,
    resolve = function(state)
      state:add("sam_control", 1)
      state:add("castro_anger", -2)
      state:add("cooperation", 1)
      state:add("prestige", 1)
      state:report("ussr", "More SAM sites pass to Cuban crews.")
    end },

  niact.action{ id = "withdraw_sams", name = "Withdraw SAM sites",
    roles = { "ussr" }, cost = 1, priority = 20,
    text = "Dismantle six SA-2 sites and send their crews home. Meets a secondary US demand "
        .. "at the cost of prestige and Cuban goodwill.",
    source = tp(8) .. "; S-641",
    legal = function(state) return state:get("sams") > 0, "no SAM sites are left" end,
    resolve = function(state)
      state:add("sams", -6)
      state:add("personnel", -2)
      state:add("technicians_out", 2)
      state:add("prestige", -3)
      state:add("castro_anger", 2)
      state:log("Soviet crews begin dismantling SA-2 sites in Cuba.")
    end },

  niact.action{ id = "withdraw_troops", name = "Withdraw military technicians",
    roles = { "ussr" }, cost = 1, priority = 20,
    text = "Send five thousand servicemen home and announce it. The United States counts "
        .. "it toward its secondary demand; Havana feels abandoned.",
    source = tp(8) .. "; S-592; V-331",
    legal = function(state) return state:get("personnel") > 0, "no Soviet troops are left" end,
    resolve = function(state)
      local before = state:get("personnel")
      local left = state:add("personnel", -5)
      state:add("technicians_out", before - left)
      state:add("prestige", -1)
      state:add("castro_anger", 1)
      state:log("Moscow announces that " .. (before - left) .. " thousand military "
        .. "personnel are leaving Cuba.")
    end },

  niact.action{ id = "withdraw_tactical", name = "Ship out the tactical nuclear weapons",
    roles = { "ussr" }, cost = 1, priority = 20,
    text = "Quietly load a third of the tactical nuclear warheads for home. Nobody else "
        .. "knows they are there; Havana wanted them kept. While any stay, retaliation over Cuba escalates "
        .. "faster.",
    source = "NSA-393; Miami Herald 1998",
    legal = function(state)
      return state:get("tactical") > 0,
        "the tactical weapons are already gone"
    end,
    resolve = function(state)
      state:add("tactical", -33)
      state:add("castro_anger", 1)
      state:report("ussr", "Tactical warheads are loaded in secret; " ..
        state:get("tactical") .. " remain in Cuba.")
    end },

  niact.action{ id = "accept_icrc", name = "Accept ICRC inspection of incoming ships",
    roles = { "ussr" }, cost = 1, priority = 20,
    text = "Agree that Red Cross inspectors check Soviet ships bound for Cuba. Costs a "
        .. "little prestige; the UN must still broker it and Cuba consent.",
    source = tp(3) .. "; XI-156; Fischer",
    legal = function(state)
      return state:get("icrc") >= 1 and state:get("icrc") < 2,
        "no ICRC proposal is waiting for Moscow's answer"
    end,
    resolve = function(state)
      state:set("icrc", 2)
      state:add("prestige", -1)
      state:log("Moscow accepts ICRC observation of Soviet ships bound for Cuba.")
    end },

  niact.action{ id = "allow_un_inspection", name = "Consent to the UN scheme",
    roles = { "ussr" }, cost = 1, priority = 20,
    text = "Accept the UN verification scheme on the table. Costs prestige. A scheme at sea "
        .. "then starts; on the ground or in the air it also needs Cuba.",
    source = tp(4) .. "; Dorn",
    legal = function(state)
      return state:get("un_inspection") == 1,
        "no UN proposal is waiting for Moscow's answer"
    end,
    resolve = function(state)
      state:set("un_inspection", 2)
      state:add("prestige", -3)
      state:log("Moscow accepts the UN's " .. state:label("un_scheme") .. " scheme.")
    end },

  niact.action{ id = "demand_protocol", name = "Demand a protocol with Cuba's five points",
    roles = { "ussr" }, cost = 1, priority = 20,
    text = "Insist on a UN protocol that includes Cuba's five points and a formal pledge. "
        .. "The first two times it pleases Havana, gains Soviet pride and gives the UN a "
        .. "role; after that it is a demand Washington has already turned down, and only "
        .. "Washington's irritation is left.",
    source = "XI-133; XI-212; XI-218/219",
    resolve = function(state)
      if state:add("protocols", 1) <= 2 then
        state:add("prestige", 2)
        state:add("castro_anger", -1)
        state:add("un_credibility", 1)
      end
      state:add("us_pressure", 2)
      state:log("Soviet negotiators demand a protocol that includes Cuba's five points.")
    end },
}

return A
