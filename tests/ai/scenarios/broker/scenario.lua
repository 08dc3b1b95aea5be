-- Broker: a mediator's counter (tests/ai/test_negotiate.c, test_mediator_counter).
-- Asker asks the Mediator for relief. Relief can be given by the Mediator or by the
-- Broker. The Broker loses 30 by giving it; the Mediator gains 10 when the relief is
-- sent by someone else and loses 40 in all when it sends it itself; the Asker gains 20. The Asker can pay the Broker: 5 to the
-- Asker, 40 to the Broker, 1 to the Mediator. The Mediator cannot gain by giving relief
-- itself (-40, and no payment to it makes up for it), so it refuses and
-- proposes instead that the Broker give the relief and the Asker pay the Broker:
-- Asker +15, Broker +10, Mediator +11. Every term is delivered when agreed (`on_agree`)
-- and the scores follow the tracks, so a searching Mediator's playouts see exactly the
-- worth the values declare.
local function relief_value(state, role, giver)
  if role == giver then return role == "mediator" and -40 or -30 end
  if role == "asker" then return 20 end
  if role == "mediator" then return 10 end
  return 0
end

return niact.scenario{
  api_version = 2,
  name = "Broker",
  calendar = { start = "1970-03-01", days_per_turn = 1, turns = 4 },
  roles = { niact.role{ id = "asker", name = "Asker", action_points = 2 },
            niact.role{ id = "mediator", name = "Mediator", action_points = 2 },
            niact.role{ id = "broker", name = "Broker", action_points = 2 } },
  negotiation = { trust = { start = 100, kept = 10, broken = 25 }, expiry = 1,
                  proposals_per_turn = 3 },
  tracks = { niact.track{ id = "relieved", min = 0, max = 1, initial = 0 },
             niact.track{ id = "mediator_gave", min = 0, max = 1, initial = 0 },
             niact.track{ id = "broker_gave", min = 0, max = 1, initial = 0 },
             niact.track{ id = "paid", min = 0, max = 1, initial = 0 } },
  actions = {
    niact.action{ id = "wait", roles = { "asker", "mediator", "broker" }, cost = 0,
                  repeatable = true, resolve = function() end },
  },
  terms = {
    niact.term{ id = "relief", name = "Relief sent", givers = { "mediator", "broker" },
                window = 2,
                on_agree = function(state, giver)
                  state:set("relieved", 1)
                  state:set(giver == "mediator" and "mediator_gave" or "broker_gave", 1)
                end,
                check = function(state) if state:get("relieved") == 1 then return true end end,
                value = relief_value },
    niact.term{ id = "payment", name = "Payment made", givers = { "asker" }, window = 2,
                on_agree = function(state) state:set("paid", 1) end,
                check = function(state) if state:get("paid") == 1 then return true end end,
                value = function(state, role)
                  if role == "asker" then return -5 end
                  if role == "broker" then return 40 end
                  return 1
                end },
  },
  objectives = {
    niact.objective{ id = "asker", role = "asker", score = function(state)
      return 40 + 20 * state:get("relieved") - 5 * state:get("paid") end },
    niact.objective{ id = "mediator", role = "mediator", score = function(state)
      return 40 + 10 * state:get("relieved") - 50 * state:get("mediator_gave")
        + state:get("paid") end },
    niact.objective{ id = "broker", role = "broker", score = function(state)
      return 40 - 30 * state:get("broker_gave") + 40 * state:get("paid") end },
  },
}
