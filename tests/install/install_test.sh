#!/usr/bin/env bash
# The installed game runs on its own: installs the build into a temporary prefix (FHS
# layout), moves the prefix (the install is relocatable), and from another folder plays
# a whole AI game of november1962 and prints `niact rules`. The build and source trees
# are out of reach: the installed program has no marker file and no compiled-in path,
# which the test proves by taking share/niact away (it must then find nothing), and,
# where mount namespaces are allowed, by hiding both trees under empty folders.
#   install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "$1" && pwd) src=$(cd "$2" && pwd)
t=$(mktemp -d /tmp/niact-install-XXXXXX)
trap 'rm -rf "$t"' EXIT
fail() { echo "test_install: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$t/prefix" >"$t/install.log" || fail "cmake --install failed"
p=$t/prefix
for f in bin/niact share/niact/scripts/scenarios/november1962/scenario.lua \
         share/niact/scripts/lib/util.lua share/niact/assets/fonts/Inter-Regular.otf \
         share/niact/assets/fonts/LICENSE-Inter.txt share/niact/assets/fonts/LICENSE-CourierPrime.txt \
         share/niact/assets/maps/caribbean.geojson share/doc/niact/README.md \
         share/doc/niact/docs/cli.md share/doc/niact/docs/modding.md \
         share/man/man6/niact.6 share/applications/niact.desktop \
         share/icons/hicolor/scalable/apps/niact.svg; do
  [ -f "$p/$f" ] || fail "not installed: $f"
done
[ ! -e "$p/bin/niact-build-tree" ] || fail "the build-tree marker was installed"
[ ! -e "$p/share/niact/assets/desktop" ] || fail "the desktop files went into the game's data"
grep -qx 'Exec=niact' "$p/share/applications/niact.desktop" || fail "desktop entry: no Exec=niact"
grep -qx 'Icon=niact' "$p/share/applications/niact.desktop" || fail "desktop entry: no Icon=niact"

# The man page's text is `niact --help`, roff escapes undone.
"$p/bin/niact" --help >"$t/help.txt"
sed -n '/^\.nf$/,/^\.fi$/p' "$p/share/man/man6/niact.6" | sed '1d;$d' |
  sed -e 's/\\-/-/g' -e 's/^\\&//' -e 's/\\e/\\/g' >"$t/man.txt"
diff -u "$t/help.txt" "$t/man.txt" >&2 || fail "the man page is not the text of niact --help"

# Move the whole prefix, and run from an unrelated folder with a fresh home. A folder
# named like the scenario in the current folder must not be used.
mv "$t/prefix" "$t/moved"
p=$t/moved
mkdir -p "$t/elsewhere/november1962" "$t/home"
printf 'error("the current folder was used")\n' >"$t/elsewhere/november1962/scenario.lua"
cd "$t/elsewhere"
run() { env -u XDG_DATA_HOME HOME="$t/home" "$@"; }

run "$p/bin/niact" play --text --seat us=ai:historical --seat ussr=ai --seat un=ai \
  --seed 3 >"$t/play.out" 2>"$t/play.err" || { cat "$t/play.err" >&2; fail "play failed"; }
grep -q '=== RESULT' "$t/play.out" || fail "the installed game did not play to its result"
grep -qx "niact: scenario november1962 from $p/share/niact/scripts/scenarios/november1962" \
  "$t/play.err" || { cat "$t/play.err" >&2; fail "play did not load the installed scenario"; }
run "$p/bin/niact" rules >"$t/rules.out" 2>"$t/rules.err" || fail "rules failed"
grep -q '^November 1962 (scenario november1962' "$t/rules.out" || fail "rules: no November 1962"
grep -qx "niact: scenario november1962 from $p/share/niact/scripts/scenarios/november1962" \
  "$t/rules.err" || fail "rules did not load the installed scenario"
ls "$t/home/.local/share/niact/autosave/"*.json >/dev/null 2>&1 ||
  fail "no autosave in the fresh home"

# Without its share/niact the installed program finds nothing: no fallback to the
# source or build tree exists.
mv "$p/share/niact" "$p/share/niact.away"
if run "$p/bin/niact" rules >"$t/none.out" 2>"$t/none.err"; then
  fail "rules ran without the installed data: it reached another copy"
fi
grep -q 'no bundled data folder' "$t/none.err" || { cat "$t/none.err" >&2; fail "no clear message"; }
! grep -q "$src" "$t/none.err" || fail "the installed program named the source tree"
mv "$p/share/niact.away" "$p/share/niact"

# Where allowed, the same game with the source and build trees hidden outright.
if unshare -m --propagation private true 2>/dev/null; then
  unshare -m --propagation private bash -c '
    set -e
    mount -t tmpfs none "$1"
    case "$2" in "$1"/*) ;; *) mount -t tmpfs none "$2" ;; esac
    [ ! -e "$1/scripts" ] && [ ! -e "$2/niact" ]
    env -u XDG_DATA_HOME HOME="$3/home" "$4/bin/niact" play --text --seat us=ai \
      --seat ussr=ai --seat un=ai --seed 5 --no-autosave' _ "$src" "$build" "$t" "$p" \
    >"$t/hidden.out" 2>"$t/hidden.err" || { cat "$t/hidden.err" >&2; fail "hidden trees: play failed"; }
  grep -q '=== RESULT' "$t/hidden.out" || fail "hidden trees: no result"
  echo "test_install: also played with the source and build trees hidden"
else
  echo "test_install: (no mount namespace here: relied on the share/niact removal check)"
fi
echo "test_install: ok"
