#!/bin/sh
# check_scenario_words.sh must pass the window as it is and catch each kind of scenario
# word planted in a copy of it: a track id searched for, an id compared, a place id, a
# proper noun, a coordinate pair (each alone, in a .c or a .h), and nothing in comments.
# usage: test_scenario_words.sh CHECK SOURCE_DIR
check=$1
src=$2
sh "$check" "$src" >/dev/null || { echo "FAIL: the clean tree does not pass"; sh "$check" "$src"; exit 1; }
tmp=$(mktemp -d /tmp/niact-words-XXXXXX) || exit 1
trap 'rm -rf "$tmp"' EXIT
fails=0
plant() { # plant NAME FILE LINE: the check must fail on it
    rm -rf "$tmp/ui" && cp -r "$src/engine/ui" "$tmp/ui" || exit 1
    printf '%s\n' "$3" >>"$tmp/ui/$2"
    if sh "$check" "$src" "$tmp/ui" >/dev/null; then
        echo "FAIL: not caught: $1"
        fails=1
    fi
}
plant "strstr of a word" map_layers.c 'static int f(const char *id) { return strstr(id, "sam") != 0; }'
plant "a track id compared" scr_desk.c 'static int g(const char *id) { return !strcmp(id, "missiles"); }'
plant "a track id looked up" map.c 'static int h(const niact_scenario *sc) { return niact_scenario_track(sc, "recon"); }'
plant "a place id" map.h 'static const char *const where = "san_cristobal";'
plant "a proper noun" scr_title.c 'static const char *const t = "The missiles of October";'
plant "a scenario name" app.c 'static const char *const d = "november1962";'
plant "coordinates" map_layers.c 'static const double lane[][2] = {{-82.75, 23.1}};'
# Comments are not code.
rm -rf "$tmp/ui" && cp -r "$src/engine/ui" "$tmp/ui"
printf '%s\n' '/* the old map bound "missiles" by strstr(id, "sam") at {-82.75, 23.1} in Cuba */' \
    '// november1962' >>"$tmp/ui/map.c"
if ! sh "$check" "$src" "$tmp/ui" >/dev/null; then
    echo "FAIL: a comment was taken for code"
    fails=1
fi
[ $fails -eq 0 ] && echo "check_scenario_words catches every planted word"
exit $fails
