-- AI personalities, written to be read: each is a function of what its seat can see
-- that returns a list of orders in order of preference ({action, param}). Orders that
-- are illegal or do not fit the action points are skipped.
--
--   historical  the choices made from 16 to 28 October 1962 (sources.md), turn by turn,
--               and the bargain as struck: Moscow's private terms of the 26th, accepted
--               by Washington on the 27th, nothing traded in public (propose/answer hooks)
--   hawk        presses hard, accepts risk
--   dove        gives ground to lower the risk
local P = {}

-- ---- keeping one's word ----------------------------------------------------------------
-- Every personality keeps its seat's commitments: the orders that fulfil them go first,
-- the orders that would break them are dropped.
local fulfil = {
  no_invasion = { us = { { "answer_letter", 1 } } },
  missiles_out = { ussr = { { "accept_terms" } } },
  halt_work = { ussr = { { "halt_work" } } },
  jupiters_secret = { us = { { "jupiters_out", 1 } } },
  jupiters_public = { us = { { "jupiters_out", 2 } } },
  ships_hold = { ussr = { { "hold_ships", 1 } } },
  hold_fire = { cuba = { { "hold_fire" } } },
  un_visit = { cuba = { { "admit_un" } } },
}
local forbids = { invade = "no_invasion", air_strike = "no_invasion", board_ship = "no_boarding",
                  recon_low = "no_low_flights", sail_on = "ships_hold", aa_fire = "hold_fire" }

local function keep_word(state, role, orders)
  local owed, out = {}, {}
  for _, c in ipairs(state:commitments()) do
    if c.giver == role then
      owed[c.term] = true
      local how = fulfil[c.term] and fulfil[c.term][role]
      if how then for _, o in ipairs(how) do out[#out + 1] = o end end
    end
  end
  for _, o in ipairs(orders) do
    local id = o[1]
    if not (forbids[id] and owed[forbids[id]]) then out[#out + 1] = o end
  end
  return out
end

local function honest(seats)
  local out = {}
  for role, fn in pairs(seats) do
    out[role] = function(state, r) return keep_word(state, role, fn(state, r)) end
  end
  return out
end

-- ---- historical ----------------------------------------------------------------------
-- Turn t is 15 + t October: 1 = 16 Oct ... 7 = 22 Oct (the speech) ... 13 = 28 Oct.
-- Washington chooses the day it speaks; the others answer (see since_public below).

local us_history = {
  { { "recon_high" }, { "build_up" } },                        -- 16: ExComm; more U-2s
  { { "recon_high" }, { "build_up" } },                        -- 17: more sites found
  { { "recon_high" }, { "build_up" } },                        -- 18: Gromyko told nothing
  { { "recon_high" }, { "build_up" } },                        -- 19: the Chiefs want a strike
  { { "recon_high" }, { "build_up" } },                        -- 20: quarantine chosen
  { { "recon_high" }, { "build_up" } },                        -- 21: Sweeney's 90 per cent
  { { "announce_quarantine" }, { "build_up" } },               -- 22: the address; DEFCON 3
  { { "consult_oas" }, { "recon_low" }, { "back_channel" } },  -- 23: OAS; low-level flights; RFK sees Dobrynin
  { { "raise_alert" }, { "recon_low" }, { "recon_high" } },    -- 24: SAC to DEFCON 2
  { { "un_case" }, { "recon_low" }, { "recon_high" } },        -- 25: Stevenson at the Council
  { { "board_ship" }, { "recon_low" }, { "build_up" } },       -- 26: the Marucla
  { { "answer_letter", 1 }, { "jupiters_out", 1 }, { "recon_high" } }, -- 27: the letter; RFK to Dobrynin
  { { "recon_high" }, { "recon_low" } },                       -- 28: Moscow accepts
}

local function us_historical(state)
  return us_history[state:turn()] or { { "recon_high" } }
end

-- Moscow, Havana and New York answer Washington. Their record is a list of days from the
-- day the crisis broke (22 October: Moscow and Havana knew that day that the President
-- would speak, and acted before he did). If the crisis is still secret they play the
-- secret days, and on 22 October that first day. If Washington speaks (or strikes)
-- earlier, they learn it with the news: the day after, they play the first two days of
-- their record at once (as far as their action points go), then the rest day by day.
local function concat(a, b)
  local out = {}
  for _, x in ipairs(a) do out[#out + 1] = x end
  for _, x in ipairs(b) do out[#out + 1] = x end
  return out
end

local function record_day(state, history, secret, after)
  local p, t = state:get("public_turn"), state:turn()
  if p == 0 then return t == 7 and history[1] or secret end
  local k = t - p + 1                                          -- 2 on the day after it broke
  if p < 7 and k == 2 then return concat(history[1], history[2]) end
  return history[k] or after
end

local ussr_secret = { { "hurry_sites" }, { "camouflage" } }    -- 16-21: Anadyr goes on
local ussr_history = {
  { { "hurry_sites" }, { "order_restraint" } },                -- 22: no nuclear use without Moscow
  { { "hold_ships", 0 }, { "defy" }, { "hurry_sites" } },      -- 23: ships ordered home
  { { "defy" }, { "hurry_sites" } },                           -- 24: "an act of aggression"
  { { "hurry_sites" } },                                       -- 25: Khrushchev turns toward a deal
  { { "offer_deal", 1 }, { "feelers" }, { "hurry_sites" } },   -- 26: the long letter; Fomin
  { { "offer_deal", 2 }, { "hurry_sites" } },                  -- 27: the Jupiters, broadcast
  { { "accept_terms" }, { "order_restraint" } },               -- 28: Radio Moscow
}

local function ussr_historical(state)
  return record_day(state, ussr_history, ussr_secret, { { "accept_terms" }, { "order_restraint" } })
end

local cuba_history = {
  { { "mobilize", 2 } },                                       -- 22: the combat alarm
  { { "speak_out" } },                                         -- 23: no inspection
  { { "speak_out" } },                                         -- 24: AA batteries mobilized
  { { "speak_out" } },
  { { "aa_fire" }, { "press_moscow" } },                       -- 26: orders to fire; the letter
  { { "speak_out" } },                                         -- 27: the guns fire
  { { "five_points" }, { "admit_un" } },                       -- 28: five points; U Thant invited
}

local function cuba_historical(state)
  -- in secret, Havana does not know it is found out
  return record_day(state, cuba_history, {}, { { "speak_out" } })
end

local un_history = {
  { { "soundings" } },                                         -- 22: the address
  { { "convene_council" } },                                   -- 23: the Council meets
  { { "appeal_standstill" }, { "mediate" } },                  -- 24: U Thant's appeal
  { { "mediate" }, { "convene_council" } },                    -- 25: second appeal
  { { "mediate" } },                                           -- 26: to Castro: suspend the work
  { { "mediate" } },
  { { "mediate" } },
}

local function un_historical(state)
  return record_day(state, un_history, { { "soundings" } }, { { "mediate" } })
end

-- How the historical seats negotiate (their `propose` and `answer` hooks): what the
-- record shows each side offering, accepting and refusing, with its reasons sent as
-- telegrams. A hook that returns nil leaves the answer to the generic AI (`value`).

-- Whether the proposal holds term `id` (given by `giver`, if named).
local function holds(p, id, giver)
  for _, t in ipairs(p.terms) do
    if t.term == id and (giver == nil or t.giver == giver) then return t end
  end
end

-- The day of the crisis in the record (1 = 22 October), 0 while it is secret.
local function day(state)
  local p = state:get("public_turn")
  if p == 0 then return 0 end
  return state:turn() - p + 1
end

local us_talk = {
  -- 27 October: Kennedy answers the private letter of the 26th in public (the missiles
  -- out under UN observation, an assurance against invasion), ignoring the broadcast.
  propose = function(state)
    local agreed = false
    for _, c in ipairs(state:commitments()) do
      if c.term == "no_invasion" then agreed = true end
    end
    if state:get("offer") >= 1 and state:get("pledge") == 0 and not agreed then
      return { to = "ussr", public = true,
               terms = { { "missiles_out", giver = "ussr" }, { "no_invasion", giver = "us" } },
               text = "As your letter of 26 October proposes: the weapons out under UN "
                   .. "observation, and assurances against an invasion of Cuba." }
    end
    return false
  end,
  answer = function(state, p)
    if holds(p, "jupiters_public") then
      return false, "The Jupiters are a matter for NATO; they are not traded for Cuba in public."
    end
    if holds(p, "no_low_flights") then
      return false, "Surveillance goes on until the sites are verified gone."
    end
    if holds(p, "no_boarding") then
      return false, "The Navy will keep clear of Soviet ships that stay away, but the "
        .. "quarantine keeps its right to stop and search."
    end
    if holds(p, "missiles_out", "ussr") and holds(p, "no_invasion", "us") then
      if state:get("offer") >= 1 and not holds(p, "jupiters_public") then
        return true, "Accepted: the weapons out under UN observation, and our assurances."
      end
      return false, "First the work on the sites must stop."
    end
    return nil
  end,
}

local ussr_talk = {
  -- 26 October: the long private letter; 27 October: the broadcast with the Jupiters.
  propose = function(state)
    local d = day(state)
    if d == 5 then
      return { to = "us", public = false,
               terms = { { "missiles_out", giver = "ussr" }, { "no_invasion", giver = "us" } },
               text = "If you promise not to invade Cuba, the need for our specialists there "
                   .. "would disappear." }
    elseif d == 6 and state:get("offer") == 2 then
      return { to = "us", public = true,
               terms = { { "missiles_out", giver = "ussr" }, { "no_invasion", giver = "us" },
                         { "jupiters_public", giver = "us" } },
               text = "We will remove our missiles from Cuba; you will remove yours from Turkey." }
    end
    return false
  end,
  answer = function(state, p)
    if holds(p, "missiles_out", "ussr") and not holds(p, "no_invasion", "us") then
      return false, "Not without a promise that Cuba will not be invaded."
    end
    if holds(p, "missiles_out", "ussr") and day(state) >= 6 then
      return true, "The Soviet government accepts: the weapons will be dismantled and returned."
    end
    if holds(p, "missiles_out", "ussr") then
      return false, "The weapons in Cuba are defensive."
    end
    return nil
  end,
}

local cuba_talk = {
  -- Havana was not a party to the bargain: it proposed nothing and gave nothing.
  propose = function(state) return false end,
  answer = function(state, p)
    if holds(p, "hold_fire", "cuba") then
      return false, "Cuba will defend its airspace."
    end
    if holds(p, "un_visit", "cuba") and day(state) < 7 then
      return false, "Cuba receives no one while it is blockaded and threatened."
    end
    return nil
  end,
}

local un_talk = {
  -- 24 and 25 October: U Thant asks both sides to hold back while they talk.
  propose = function(state)
    local d = day(state)
    if d == 3 or d == 4 then
      local out = {}
      if state:get("irbm_ships") >= 1 then
        out[#out + 1] = { to = "ussr", public = true, terms = { { "ships_hold", 7, giver = "ussr" } },
                          text = "I ask that Soviet ships keep away from the interception area." }
      end
      out[#out + 1] = { to = "us", public = true, terms = { { "no_boarding", 7, giver = "us" } },
                        text = "I ask that United States ships avoid a direct confrontation." }
      return out
    end
    return false
  end,
}

local function talking(orders, talk)
  return { orders = orders, propose = talk.propose, answer = talk.answer }
end

local honest_historical = honest{ us = us_historical, ussr = ussr_historical,
                                  cuba = cuba_historical, un = un_historical }
P.historical = { us = talking(honest_historical.us, us_talk),
                 ussr = talking(honest_historical.ussr, ussr_talk),
                 cuba = talking(honest_historical.cuba, cuba_talk),
                 un = talking(honest_historical.un, un_talk) }

-- ---- hawk ----------------------------------------------------------------------------

local function us_hawk(state)
  local o = {}
  local function add(a, p) o[#o + 1] = { a, p } end
  add("retaliate")
  if state:get("build_up") >= 4 and state:turn() >= 5 and state:get("removal") == 0 then
    add("air_strike")
  end
  add("build_up")
  add("recon_high")
  if state:turn() >= 8 then add("invade") end
  add("raise_alert")
  add("board_ship")
  return o
end

local function ussr_hawk(state)
  local o = {}
  local function add(a, p) o[#o + 1] = { a, p } end
  add("hurry_sites")
  add("sail_on")
  add("defy")
  add("berlin")
  if state:turn() >= 11 then add("offer_deal", 2) end
  add("camouflage")
  return o
end

local function cuba_hawk(state)
  return { { "mobilize", 2 }, { "aa_fire" }, { "press_moscow" }, { "five_points" }, { "speak_out" } }
end

local function un_hawk(state)
  return { { "convene_council" }, { "appeal_standstill" }, { "offer_observers" }, { "mediate" },
           { "soundings" } }
end

P.hawk = honest{ us = us_hawk, ussr = ussr_hawk, cuba = cuba_hawk, un = un_hawk }

-- ---- dove ----------------------------------------------------------------------------

local function us_dove(state)
  local o = {}
  local function add(a, p) o[#o + 1] = { a, p } end
  if state:turn() >= 3 then add("announce_quarantine") end
  if state:get("offer") >= 1 then add("answer_letter", 1) end
  add("back_channel")
  if state:get("offer") >= 2 then add("jupiters_out", 1) end
  if state:get("tension") >= 4 then add("stand_down") end
  add("consult_oas")
  add("recon_high")
  return o
end

local function ussr_dove(state)
  local o = {}
  local function add(a, p) o[#o + 1] = { a, p } end
  if state:get("pledge") >= 1 then add("accept_terms") end
  add("order_restraint")
  add("hold_ships", 0)
  add("consult_havana")
  add("offer_deal", 1)
  add("halt_work")
  return o
end

local function cuba_dove(state)
  local o = {}
  local function add(a, p) o[#o + 1] = { a, p } end
  add("hold_fire")
  add("admit_un")
  add("speak_out")
  return o
end

local function un_dove(state)
  return { { "appeal_standstill" }, { "mediate" }, { "offer_observers" }, { "soundings" } }
end

P.dove = honest{ us = us_dove, ussr = ussr_dove, cuba = cuba_dove, un = un_dove }

return P
