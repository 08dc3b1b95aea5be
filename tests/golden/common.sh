# Shared by bless.sh and check.sh: plays one golden game into a record.
# Usage: play_golden NIACT NAME INPUT OUT ARGS...
set -uo pipefail
GOLDEN_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# A private HOME and data folder: the games write nothing of the user's.
golden_home() {
  GOLDEN_TMP=$(mktemp -d /tmp/niact-golden-XXXXXX)
  trap 'rm -rf "$GOLDEN_TMP"' EXIT
  export HOME="$GOLDEN_TMP/home" XDG_DATA_HOME="$GOLDEN_TMP/data"
  mkdir -p "$HOME" "$XDG_DATA_HOME"
}

play_golden() {
  local niact=$1 name=$2 input=$3 out=$4
  shift 4
  local in=/dev/null
  [ "$input" != "-" ] && in="$GOLDEN_DIR/$input"
  if ! "$niact" play --text --no-autosave --record "$out" "$@" <"$in" >"$out.log" 2>&1; then
    echo "golden $name: niact play failed:" >&2
    tail -20 "$out.log" >&2
    return 1
  fi
}

# Each game of the list: NAME INPUT ARGS... (comments and blank lines skipped).
golden_games() {
  grep -v '^[[:space:]]*\(#\|$\)' "$GOLDEN_DIR/games"
}
