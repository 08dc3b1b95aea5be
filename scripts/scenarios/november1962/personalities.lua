-- AI personalities, written to be read: each is a function of what its seat can see
-- that returns a list of orders in order of preference ({action, param}). Orders that
-- are illegal or do not fit the action points are skipped, so a list may be longer than
-- a turn allows.
--
--   historical  the choices made in November 1962, turn by turn (history.md)
--   hawk        presses hard, accepts risk
--   dove        gives ground to lower the risk
local P = {}

-- ---- keeping one's word ----------------------------------------------------------------
-- Every personality keeps the commitments its seat has agreed to (state:commitments()):
-- the orders that fulfil them go first, and orders that would break them are dropped.
-- Conditionally: once the other party has broken its own term of an agreement
-- (`partner_broke`), the seat no longer honours its reciprocal term (Moscow withdraws
-- no more SAMs for a quarantine Washington did not lift).

-- The orders that fulfil a commitment on `term`, for the seat that gives it.
local fulfil = {
  lift_quarantine = { us = { { "quarantine", 0 } } },
  formal_pledge = { us = { { "pledge", 3 } } },
  inspect_at_sea = { ussr = { { "ship_inspected" } } },
  il28_out = { ussr = { { "concede_il28" } } },
  sams_out = { ussr = { { "withdraw_sams" } } },
  un_team = { ussr = { { "allow_un_inspection" } }, un = { { "propose_scheme", 1 } } },
  icrc_ships = { ussr = { { "accept_icrc" } }, un = { { "broker_icrc" } } },
}

-- Orders a commitment forbids: action -> term that forbids it.
local forbids = { recon_low = "suspend_low_flights", ship_covered = "inspect_at_sea" }

-- Turns before its deadline a commitment must be acted on (the bombers need a concession,
-- four turns' wait and two turns of shipping; the ICRC three turns to start); until then
-- the seat plays as it would.
local lead = { lift_quarantine = 0, formal_pledge = 0, inspect_at_sea = 4, il28_out = 8,
               sams_out = 4, un_team = 1, icrc_ships = 3 }

-- Returns the seat's orders with its commitments kept.
local function keep_word(state, role, orders)
  local owed, out = {}, {}
  for _, c in ipairs(state:commitments()) do
    if c.giver == role and not c.partner_broke then
      owed[c.term] = true
      local how = fulfil[c.term] and fulfil[c.term][role]
      if how and c.deadline - state:turn() <= (lead[c.term] or 0) then
        for _, o in ipairs(how) do out[#out + 1] = o end
      end
    end
  end
  for _, o in ipairs(orders) do
    local id = o[1] or o.action
    if not (forbids[id] and owed[forbids[id]]) then out[#out + 1] = o end
  end
  return out
end

-- Wraps a seat's personality so that it keeps its word.
local function honest(seats)
  local out = {}
  for role, fn in pairs(seats) do
    out[role] = function(state, r) return keep_word(state, role, fn(state, r)) end
  end
  return out
end

-- ---- historical ----------------------------------------------------------------------

-- Turns: 1 = 1-3 Nov, 2 = 4-6, 3 = 7-9, 4 = 10-12, 5 = 13-15, 6 = 16-18, 7 = 19-21,
-- 8 = 22-24, 9 = 25-27, 10 = 28-30, 11 = 1-3 Dec, 12 = 4-6 Dec.
local us_history = {
  { { "recon_low" }, { "recon_high" }, { "demand_il28" } },        -- 6 low flights 1 Nov; Stevenson's list (2 Nov) includes bombers
  { { "recon_high" }, { "recon_low" }, { "press_icrc", 0 } },      -- Ruegger's mission
  { { "recon_high" }, { "recon_low" }, { "demand_il28" } },
  { { "recon_high" }, { "recon_low" }, { "demand_il28" } },
  { { "recon_high" }, { "recon_low" }, { "demand_il28" } },        -- ExComm: the IL-28s must go
  { { "recon_high" }, { "demand_il28" }, { "restrain_exiles" } },  -- no low-level flights 16-20 Nov; U-2s go on
}

-- When Moscow strays from the record, the ExComm's own contingency menu (13 Nov, CREST):
-- board ships whose missiles cannot be counted while some are still loading (once all
-- have sailed there is nothing left at sea to count: see us_uncounted), tighten the
-- screws over the bombers.
local function us_contingency(state)
  local t = state:turn()
  if t >= 4 and state:get("missile_stage") == 3 and state:get("missiles_counted") == 0
     and state:get("quarantine") < 3 then
    return { { "quarantine", 3 }, { "recon_high" }, { "demand_il28" } }
  end
  if t >= 7 and state:get("il28_deal") == 0 then
    return { { "demand_il28" }, { "raise_readiness" }, { "recon_high" } }
  end
  return nil
end

-- Answering what the others do: Castro's guns (turning point 9; S-533, XI-192). Once a
-- US aircraft has been fired on, low-level flights are quietly paused and the U-2s go on.
-- At 'crisis' or the brink the bombers are not pressed and readiness is not raised: each
-- demand feeds the charge of non-compliance (point 7), which escalates, and Kennedy kept
-- the November pressure below the October brink. None of it happened in November
-- (tension stayed at 'high'), so the all-historical game plays the calendar.
local function us_answering(state, orders)
  local fired = state:get("shootdowns") > 0
  local crisis = state:get("tension") >= 4
  local out = {}
  for _, o in ipairs(orders) do
    local id = o[1]
    if not ((fired and id == "recon_low")
            or (crisis and (id == "demand_il28" or id == "raise_readiness"))) then
      out[#out + 1] = o
    end
  end
  if fired then out[#out + 1] = { "recon_high" } end
  return out
end

local function us_calendar(state)
  local t = state:turn()
  local c = us_contingency(state)
  if c then return c end
  if us_history[t] then return us_history[t] end
  if state:get("quarantine") > 0 and state:get("il28_deal") >= 1 then
    -- 20 Nov: quarantine lifted, alert lowered, U-2 coverage goes on (the conditional
    -- assurance is restated, not changed).
    return { { "quarantine", 0 }, { "stand_down" }, { "recon_high" } }
  end
  -- The epilogue: regular high-level surveillance (4 Dec), low-level flights only with
  -- the President's approval; the bombers pressed until agreed; the exiles watched.
  local o = { { "recon_high" } }
  if state:get("il28_deal") < 2 then o[#o + 1] = { "demand_il28" } end
  if state:get("exiles") >= 4 then o[#o + 1] = { "restrain_exiles" } end
  return o
end

-- The missiles all sailed with none counted (under tarpaulins): the Navy can count nothing
-- more at sea, so the United States presses in New York for UN verification, where every
-- Soviet refusal costs Moscow (Stevenson and McCloy pressed it through November), while
-- the rest of its course goes on.
local function us_uncounted(state, orders)
  if state:turn() < 4 or state:get("missile_stage") < 4 or state:get("missiles_counted") > 0
     or state:get("un_inspection") >= 3 then
    return orders
  end
  local out = { { "press_un_inspection" } }
  for _, o in ipairs(orders) do out[#out + 1] = o end
  return out
end

local function us_historical(state)
  return us_answering(state, us_uncounted(state, us_calendar(state)))
end

local ussr_history = {
  { { "dismantle" }, { "bargain_castro" }, { "assure" } },         -- Mikoyan to Havana
  { { "contest_il28" }, { "bargain_castro" }, { "assure" } },      -- "obsolete" bombers (5-6 Nov)
  { { "ship_inspected" }, { "accept_icrc" }, { "bargain_castro" } }, -- Kuznetsov, 7 Nov
  { { "ship_inspected" }, { "concede_il28" }, { "bargain_castro" } }, -- 42 counted; 12 Nov
  { { "order_restraint" }, { "bargain_castro" }, { "assure" } },   -- Havana's threat held back
  { { "order_restraint" }, { "bargain_castro" }, { "demand_protocol" } },
  { { "concede_il28" }, { "stand_down" }, { "order_restraint" } }, -- 20 Nov letter; 21 Nov
  { { "demand_protocol" }, { "bargain_castro" }, { "assure" } },   -- Mikoyan on the tactical weapons, 22 Nov
  { { "demand_protocol" }, { "withdraw_troops" }, { "assure" } },  -- Mikoyan to New York, 26 Nov
}

-- Moscow under pressure: what its seat could see of Washington pressing (boarding at sea,
-- US forces raised to DEFCON 2, the crisis at 'crisis' or the brink, a US aircraft fired
-- on). None of it happened in November (the quarantine stayed at hail and pass, tension
-- at 'high'), so the all-historical game plays the calendar.
local function ussr_pressed(state)
  return state:get("quarantine") == 3 or state:get("us_alert") >= 3
      or state:get("tension") >= 4 or state:get("shootdowns") > 0
end

-- Pressed, Moscow did what it did in the record, sooner: it stepped back at the brink
-- (27-28 October: after Anderson's U-2 was shot down, Khrushchev agreed to remove the
-- missiles; Dobbs), kept Havana's guns and the SAM crews in check (turning point 9),
-- finished the removal and conceded the bombers a step a turn (turning point 4: the
-- principle conceded around 12 November, under the ExComm's menu of 13 November, the
-- timetable on 20 November). Off the record's course it guards what it can of its
-- prestige: the missiles sail under tarpaulins (the Labinsk stalled the Navy for hours,
-- NYT 9 Nov) unless the Navy is boarding, when showing them on deck (XI-156) costs less
-- than being boarded; the restraint Havana resents is ordered when low-level flights go
-- on under Castro's threat, not otherwise; from 22 November (turn 8), the assurances and
-- the protocol long spent, Mikoyan's bargaining with Havana comes first, since Castro's
-- temper at the end is what Moscow keeps.
local function ussr_under_pressure(state)
  local o = {}
  local function add(a, p) o[#o + 1] = { a, p } end
  local brink = state:get("tension") >= 5
  if brink then add("stand_down") end
  local guns = state:get("shootdowns") > 0 or (brink and state:get("recon") >= 2)
  if guns then add("order_restraint") end
  add("dismantle")
  if state:get("quarantine") == 3 then add("ship_inspected") else add("ship_covered") end
  add("concede_il28")
  local threat = state:fired("castro_threat") > 0 and state:get("recon") >= 2
  if not guns and threat then add("order_restraint") end
  local late = state:turn() >= 8
  if late then add("bargain_castro") end
  add("assure")
  add("demand_protocol")
  if not late then add("bargain_castro") end
  return o
end

local function ussr_historical(state)
  local t = state:turn()
  if ussr_pressed(state) then return ussr_under_pressure(state) end
  if ussr_history[t] then return ussr_history[t] end
  -- The record's last weeks followed from the bargain kept (the quarantine lifted on 20
  -- November, the bombers agreed out): without it Moscow sends nothing more home.
  if not (state:get("quarantine") == 0 and state:get("il28_deal") >= 2) then
    return ussr_under_pressure(state)
  end
  -- From 28 November: the tactical warheads go home in secret (in December), the
  -- protocol is still demanded (deadlock), and a first few thousand troops have left.
  local o = { { "withdraw_tactical" }, { "demand_protocol" } }
  if state:get("technicians_out") < 5 then o[#o + 1] = { "withdraw_troops" } end
  o[#o + 1] = { "assure" }
  return o
end

local un_history = {
  { { "propose_scheme", 1 }, { "mediate" } },  -- about 50 UN observers; Castro refused
  { { "mediate" }, { "gather_reports" } },
  { { "mediate" }, { "gather_reports" } },
  { { "broker_icrc" }, { "mediate" } },         -- the Swedish ship, 30 inspectors
}

-- The Secretary-General answering what the parties do (none of it happened in November,
-- so the all-historical game plays the calendar):
-- * when the crisis sharpens (at 'crisis' or the brink, the Navy boarding ships, a US
--   aircraft fired on and Washington pressed to strike back), U Thant mediates and
--   appeals to all three governments for restraint, as in his standstill appeal of 24
--   October against a clash at sea (Dorn); he appeals too when low-level flights go on
--   under Castro's threat to fire, which Castro had addressed to him (15 November);
-- * while a UN scheme is at work he certifies what his inspectors have seen (the ICRC's
--   checks are the Red Cross's to report); in the record none ever started;
-- * when the missiles go uncounted (shipped, or 10 November reached, with none counted:
--   in the record 21 were counted by 9 November; or 13 November reached with fewer than
--   the 42 counted by then), or Moscow has accepted the observers and Havana, far from
--   consenting, refuses them, he puts on the table the inspection at sea that Castro said
--   he would allow (30-31 October; S-475, Dorn), before his appeal: a scheme that needs
--   no Cuban consent is the one thing that can still verify the removal;
-- * with the missiles all counted and the observers refused, he goes to Havana again
--   to win Cuba's consent, as on 30-31 October (S-475), once he has appealed.
local function un_answering(state, orders)
  local o = {}
  local function add(a, p) o[#o + 1] = { a, p } end
  local sharp = state:get("tension") >= 4 or state:get("retaliation") > 0
      or state:get("quarantine") == 3
  -- low-level flights flown under Castro's threat (15 November, turn 5: in force from
  -- turn 6, so seen in the reconnaissance track from turn 7)
  local threat = state:fired("castro_threat") > 0 and state:turn() >= 7
      and state:get("recon") >= 2
  if sharp then add("mediate") end
  local ins, scheme = state:get("un_inspection"), state:get("un_scheme")
  if ins == 3 then add("certify") end
  local refused = ins == 2 and scheme ~= 3 and state:get("cooperation") <= 3
  local counted = state:get("missiles_counted")
  local uncounted = (counted == 0 and (state:get("missile_stage") >= 3 or state:turn() >= 4))
      or (counted < 42 and state:turn() >= 5)
  local at_sea = ins < 3 and scheme ~= 3 and counted < 42 and (refused or uncounted)
  if at_sea then add("propose_scheme", 3) end
  if sharp or threat then add("appeal_restraint") end
  if refused and not at_sea then add("visit_havana") end
  for _, x in ipairs(orders) do o[#o + 1] = x end
  return o
end

local function un_historical(state)
  return un_answering(state, un_history[state:turn()] or { { "mediate" }, { "gather_reports" } })
end

-- How the historical seats negotiate (their `propose` and `answer` hooks): the terms
-- the record shows each side offering, accepting and refusing, with its reasons sent as
-- telegrams. A hook that returns nil leaves the answer to the generic AI (`value`).

-- Whether the proposal holds term `id`, and given by whom.
local function holds(p, id, giver)
  for _, t in ipairs(p.terms) do
    if t.term == id and (giver == nil or t.giver == giver) then return t end
  end
end

-- Whether `role` gives anything in the proposal.
local function gives(p, role)
  for _, t in ipairs(p.terms) do if t.giver == role then return true end end
  return false
end

local us_talk = {
  -- 12 Nov: R. Kennedy to Dobrynin: order the IL-28s out within about 30 days and the
  -- quarantine is lifted at once; the pledge need not be public. A private channel,
  -- offered again each turn until the bombers are agreed (20 Nov).
  propose = function(state)
    local t = state:turn()
    if t >= 4 and state:get("quarantine") > 0 and state:get("il28_deal") < 2 then
      return { to = "ussr", public = false,
               terms = { { "il28_out", 30, giver = "ussr" }, { "lift_quarantine" } },
               text = "Order the IL-28s out within thirty days and the quarantine is lifted "
                   .. "at once. This channel stays private." }
    end
    return false
  end,
  answer = function(state, p)
    if holds(p, "formal_pledge", "us") then
      return false, "No formal pledge without inspection on the ground."
    end
    if p.public and gives(p, "us") then
      -- the assurances of 12-20 November were given privately, never traded in public
      return false, "The President's assurances are not traded in public."
    end
    local il28 = holds(p, "il28_out")
    if holds(p, "lift_quarantine", "us") and not il28 then
      return false, "The quarantine stays until the bombers are ordered out."
    end
    if il28 and il28.param > 30 then
      return false, "Thirty days, not months: only the timing remains."
    end
    return nil
  end,
}

local ussr_talk = {
  -- Moscow answered Washington's demands, with one demand of its own: in Mikoyan's talks
  -- in New York (26-29 November) it asked for a protocol, a formal pledge not to invade
  -- Cuba (XI-212, XI-218/219; turning point 12). Washington refused it (29 November).
  propose = function(state)
    local t = state:turn()
    if (t == 9 or t == 10) and state:get("pledge") < 3 and state:get("verification") >= 50 then
      return { to = "us", public = false, terms = { { "formal_pledge" } },
               text = "Moscow asks for a protocol: a formal pledge not to invade Cuba." }
    end
    return false
  end,
  answer = function(state, p)
    local t = state:turn()
    if holds(p, "un_team", "ussr") then
      return false, "Havana refuses any inspection on Cuban soil; Moscow cannot give it."
    end
    if holds(p, "sams_out", "ussr") then
      return false, "The air defence of Cuba is not part of the bargain."
    end
    if holds(p, "il28_out", "ussr") then
      -- pressed (as above), Moscow gives the bombers sooner than the record's calendar
      local pressed = ussr_pressed(state)
      if t < 4 and not pressed then
        return false, "The IL-28s are obsolete, for coastal defence only."
      end
      if t < 7 and not pressed then
        -- Khrushchev's offer of 14 November: the bombers out in two or three months (so
        -- Moscow stands by a counter that gives them that long)
        local il28 = holds(p, "il28_out", "ussr")
        if il28.param >= 60 and holds(p, "lift_quarantine") then
          return true, "The bombers will go within two or three months."
        end
        return false, "The bombers can go, but Moscow needs two or three months."
      end
      if not holds(p, "lift_quarantine") then
        return false, "The bombers go when the quarantine is lifted."
      end
      return true, "The IL-28s will leave within thirty days and may be observed and counted."
    end
    if (holds(p, "inspect_at_sea", "ussr") or holds(p, "icrc_ships", "ussr")) and t < 3 then
      return false, "Moscow's obligations were met when the missiles left."
    end
    return nil
  end,
}

local un_talk = {
  -- 30 Oct - 1 Nov: U Thant asks for UN observers in Cuba; it is Moscow (and Havana) that
  -- would have to give them.
  propose = function(state)
    if state:turn() == 1 then
      return { to = "ussr", terms = { { "un_team", giver = "ussr" } },
               text = "The Secretary-General asks that UN observers verify the removal." }
    end
    return false
  end,
  answer = function(state, p)
    if holds(p, "icrc_ships", "un") or holds(p, "un_team", "un") then
      return false, "The Secretary-General can ask for inspection, not promise it: Havana "
          .. "and Moscow must consent."
    end
    return nil
  end,
}

-- A seat's orders with its commitments kept, and its negotiation.
local function talking(orders, talk)
  return { orders = orders, propose = talk.propose, answer = talk.answer }
end

local honest_historical = honest{ us = us_historical, ussr = ussr_historical, un = un_historical }
P.historical = { us = talking(honest_historical.us, us_talk),
                 ussr = talking(honest_historical.ussr, ussr_talk),
                 un = talking(honest_historical.un, un_talk) }

-- ---- hawk ----------------------------------------------------------------------------

local function us_hawk(state)
  local o = {}
  local function add(a, p) o[#o + 1] = { a, p } end
  add("retaliate")
  if state:turn() == 1 then add("quarantine", 3) end
  add("recon_low")
  if state:get("il28_deal") < 2 then
    add("demand_il28")
    if state:turn() >= 4 and state:get("tension") < 4 then add("raise_readiness") end
  else
    add("demand_sams")
  end
  add("recon_high")
  local missiles = state:get("missiles")
  if missiles <= 2 and state:get("il28_deal") >= 2 and state:get("quarantine") > 0 then
    table.insert(o, 1, { "quarantine", 0 })
  end
  add("tolerate_exiles")
  return o
end

local function ussr_hawk(state)
  local o = {}
  local function add(a, p) o[#o + 1] = { a, p } end
  add("dismantle")
  add("ship_covered")
  if state:turn() < 8 then add("contest_il28") else add("concede_il28") end
  add("hand_sams")
  add("demand_protocol")
  return o
end

local function un_hawk(state)
  return { { "propose_scheme", 1 }, { "certify" }, { "convene_council" },
           { "broker_icrc" }, { "mediate" } }
end

-- At the table a hawk concedes nothing it is asked for without getting as much in
-- return (counted in terms), and never trades in public; the generic AI prices the rest
-- (and counters what the hawk refuses).
local function hawk_answer(state, p)
  local mine, theirs = 0, 0
  for _, t in ipairs(p.terms) do
    if t.giver == p.from then theirs = theirs + 1 else mine = mine + 1 end
  end
  if p.public and mine > 0 then
    return false, "Concessions are not made in public under pressure."
  end
  if mine > theirs then
    return false, "Nothing is given without as much in return."
  end
  return nil
end

local function hawkish(seats)
  local out = {}
  for role, fn in pairs(seats) do
    out[role] = { orders = fn, answer = hawk_answer }
  end
  return out
end

P.hawk = hawkish(honest{ us = us_hawk, ussr = ussr_hawk, un = un_hawk })

-- ---- dove ----------------------------------------------------------------------------

local function us_dove(state)
  local o = {}
  local function add(a, p) o[#o + 1] = { a, p } end
  if state:get("tension") >= 4 then add("stand_down") end
  if state:get("missile_stage") >= 4 and state:get("il28_deal") >= 1 then
    add("quarantine", 0)
  end
  add("recon_high")
  if state:get("pledge") < 2 then add("pledge", 2) end
  if state:get("verification") >= 70 then add("pledge", 3) end
  add("press_icrc", 0)
  add("restrain_exiles")
  add("press_un_inspection")
  add("stand_down")
  return o
end

local function ussr_dove(state)
  local o = {}
  local function add(a, p) o[#o + 1] = { a, p } end
  add("dismantle")
  add("ship_inspected")
  if state:get("recon") >= 2 or state:get("castro_anger") >= 8 then add("order_restraint") end
  add("concede_il28")
  add("accept_icrc")
  add("allow_un_inspection")
  add("bargain_castro")
  if state:turn() >= 8 then add("withdraw_troops") end
  return o
end

local function un_dove(state)
  local o = {}
  local function add(a, p) o[#o + 1] = { a, p } end
  if state:get("tension") >= 4 then add("mediate") end
  if state:get("castro_anger") >= 7 then add("visit_havana") end
  if state:get("un_inspection") == 0 then add("propose_scheme", 3) end
  add("broker_icrc")
  if state:get("un_inspection") == 3 or state:get("icrc") == 3 then add("certify") end
  add("mediate")
  add("appeal_restraint")
  return o
end

-- At the table a dove gives ground: it accepts any package that asks of it at most one
-- term more than it receives (counted in terms, whatever they are worth); the generic AI
-- prices the rest (and counters what it refuses).
local function dove_answer(state, p)
  local mine, theirs = 0, 0
  for _, t in ipairs(p.terms) do
    if t.giver == p.from then theirs = theirs + 1 else mine = mine + 1 end
  end
  if mine <= theirs + 1 then
    return true, "Every step back from the brink is welcome."
  end
  return nil
end

local function dovish(seats)
  local out = {}
  for role, fn in pairs(seats) do
    out[role] = { orders = fn, answer = dove_answer }
  end
  return out
end

P.dove = dovish(honest{ us = us_dove, ussr = ussr_dove, un = un_dove })

return P
