-- Terms for negotiation (issue 5): what a proposal may offer or demand. Only the
-- declarations live here; the negotiation system defines what accepting one does.
local T = {}

local function tp(n) return "telegram 1158, point " .. n end

T.list = {
  niact.term{ id = "suspend_low_flights", name = "Suspend low-level flights for N days",
    givers = { "us" }, param = { name = "days", min = 3, max = 30, default = 6 }, window = 1,
    text = "The United States flies no low-level reconnaissance for the given days.",
    source = tp(3) .. "; XI-192" },
  niact.term{ id = "inspect_at_sea", name = "Inspection at sea of departing ships",
    givers = { "ussr" }, window = 3,
    text = "Missiles leave uncovered on deck for US ships to count.",
    source = tp(1) .. "; XI-156; S-505" },
  niact.term{ id = "il28_out", name = "Remove the IL-28s within N days",
    givers = { "ussr" }, param = { name = "days", min = 10, max = 90, default = 30 },
    window = 4,
    text = "The Soviet Union removes the bombers within the given days.",
    source = tp(7) .. "; XI-171; XI-196" },
  niact.term{ id = "formal_pledge", name = "Formal non-invasion pledge",
    givers = { "us" }, window = 2,
    text = "The United States formalizes its undertaking not to invade Cuba.",
    source = tp(8) .. "; V-276" },
  niact.term{ id = "un_team", name = "UN inspection team on Cuban soil",
    givers = { "ussr", "un" }, window = 3,
    text = "UN observers verify the removal on the ground (needs Cuba's consent).",
    source = tp(4) .. "; Dorn" },
  niact.term{ id = "icrc_ships", name = "ICRC inspects incoming ships",
    givers = { "ussr", "un" }, window = 3,
    text = "Red Cross inspectors acting for the UN check ships bound for Cuba.",
    source = tp(3) .. "; Fischer" },
  niact.term{ id = "sams_out", name = "SAMs and technicians withdrawn",
    givers = { "ussr" }, window = 4,
    text = "The Soviet Union withdraws the SA-2 sites and their technicians.",
    source = tp(8) },
  niact.term{ id = "lift_quarantine", name = "Quarantine lifted",
    givers = { "us" }, window = 1,
    text = "The United States ends the naval quarantine.",
    source = tp(3) .. "; XI-196" },
}

return T
