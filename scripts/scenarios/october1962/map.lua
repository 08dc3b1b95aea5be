-- The map of the thirteen days: Natural Earth coastlines and the places of assets/maps,
-- and the layers that show what each seat knows: the missile sites, the quarantine line,
-- the Soviet ships at sea, the US build-up in Florida, Cuba's mobilization and the
-- aircraft fired on. The quarantine line is schematic: an arc about 500 nautical miles
-- from the eastern tip of Cuba (Kennedy had the Navy draw it in from 800 on 23 October,
-- Dobbs); the ships' and the shoot-down's positions are approximate.
return niact.map{
  name = "The Caribbean, October 1962",
  region = { west = -87.6, east = -67.5, south = 17.6, north = 31.0 },
  projection = "mercator",
  coast = "assets/maps/caribbean.geojson",
  focus = { "Cuba" },
  places = "assets/maps/caribbean_places.json",
  show = { "capital", "city", "us_base" },
  routes = {
    niact.route{ id = "quarantine_arc", name = "Quarantine line (500 nautical miles)",
      points = { { -78.68, 27.43 }, { -76.49, 28.26 }, { -74.13, 28.55 }, { -71.77, 28.26 },
                 { -69.58, 27.43 }, { -68.30, 26.60 } } },
    niact.route{ id = "atlantic_lane", name = "Soviet ships' route from the Atlantic",
      shown = true, dotted = true,
      points = { { -67.6, 29.6 }, { -71.6, 28.9 }, { -74.8, 24.2 }, { -78.0, 23.4 },
                 "mariel" } },
  },
  layers = {
    niact.layer{ track = "sites_ready", label = "MRBM launchers ready", symbol = "triangle",
      kind = "missile_site" },
    niact.layer{ track = "quarantine", label = "Quarantine", symbol = "line",
      routes = { "quarantine_arc" }, at_least = 2 },
    niact.layer{ track = "irbm_ships", label = "Soviet ships bound for Cuba", symbol = "boat",
      at = { { -71.57, 28.91 }, { -68.91, 27.85 } }, steps = { 1, 2 } },
    niact.layer{ track = "build_up", label = "US forces massing", symbol = "aircraft",
      at = { "homestead", "key_west", "mccoy", "cecil_field" }, steps = { 2, 4, 6, 8 } },
    niact.layer{ track = "mobilization", label = "Cuban mobilization", symbol = "ring",
      radius_km = 60, at = { "havana", "santiago" }, steps = { 1, 2 } },
    niact.layer{ track = "fired_on", label = "US aircraft fired on", symbol = "diamond",
      at = { { -75.72, 20.96 } } },                              -- near Banes, 27 October
  },
}
