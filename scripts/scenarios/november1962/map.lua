-- The map of the crisis: Natural Earth coastlines and the places of assets/maps, and the
-- layers that show what each seat knows of the weapons, the quarantine and the flights.
-- SAM rings, the sea lane, the quarantine line and the reconnaissance routes are
-- schematic (near the places named), not surveyed positions.
return niact.map{
  name = "The Caribbean, November 1962",
  region = { west = -87.6, east = -72.6, south = 18.6, north = 31.0 },
  projection = "mercator",
  coast = "assets/maps/caribbean.geojson",
  focus = { "Cuba" },
  places = "assets/maps/caribbean_places.json",
  show = { "capital", "city", "us_base" },
  routes = {
    niact.route{ id = "sea_lane", name = "Sea lane from Mariel", shown = true,
      points = { { -82.75, 23.1 }, { -81.0, 23.55 }, { -79.6, 24.0 }, { -78.2, 25.2 },
                 { -76.6, 26.8 }, { -74.0, 28.4 } } },
    niact.route{ id = "picket_line", name = "Quarantine picket line",
      points = { { -78.6, 27.4 }, { -73.0, 22.2 } } },
    niact.route{ id = "u2_route", name = "U-2 route from McCoy AFB",
      points = { "mccoy", { -83.4, 22.6 }, { -79.5, 22.2 }, { -76.0, 20.4 }, { -74.8, 21.6 },
                 "mccoy" } },
    niact.route{ id = "low_level_run", name = "Low-level run from Key West", dotted = true,
      points = { "key_west", { -83.0, 22.75 } } },
  },
  layers = {   -- the map key lists them in this order
    niact.layer{ track = "missiles", label = "Missiles", symbol = "triangle",
      kind = "missile_site" },
    niact.layer{ track = "il28", label = "IL-28 bombers", symbol = "aircraft",
      kind = "airfield" },
    niact.layer{ track = "sams", label = "SAM sites", symbol = "ring", radius_km = 41,
      at = { { -82.12, 22.91 }, { -82.80, 22.52 }, { -79.83, 22.61 }, { -79.30, 22.30 },
             { -76.07, 20.59 }, { -75.57, 19.82 } } },
    niact.layer{ track = "quarantine", label = "Quarantine line", symbol = "line",
      routes = { "picket_line" } },
    niact.layer{ track = "missiles_counted", symbol = "boat",   -- "Missiles counted at sea"
      at = { { -79.6, 24.0 }, { -78.2, 25.2 }, { -76.6, 26.8 } }, steps = { 1, 11, 21 } },
    niact.layer{ track = "recon", label = "Reconnaissance", symbol = "route",
      routes = { "u2_route", "low_level_run" } },
  },
}
