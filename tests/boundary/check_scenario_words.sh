#!/bin/sh
# No scenario word in the window (docs/modding.md, "The map"; issue 12): engine/ui names
# no scenario, track, role, action, term, place or route of the bundled scenarios, holds
# no coordinates, and binds nothing by searching ids for words. Comments are left out;
# string literals and code are checked:
#   - an id of a bundled scenario or map ("missiles", "us") compared with or looked up
#     (strcmp, strncmp, strstr, strcasecmp, niact_scenario_*, niact_map_*_index);
#   - an id with '_' or a digit ("sam_control", "il28") as a word in any literal;
#   - a proper noun of the bundled crises (Cuba, Kennedy, 1962, ...) in any literal;
#   - strstr with an id-like needle (strstr(id, "recon"): binding by words in ids);
#   - a pair of decimal numbers with a two- or three-digit first one ({-82.75, 23.1}):
#     a longitude and latitude.
# Exits 1 naming each offending line.
# usage: check_scenario_words.sh SOURCE_DIR [UI_DIR]
src=${1:-.}
ui=${2:-$src/engine/ui}
files=$(ls "$ui"/*.c "$ui"/*.h 2>/dev/null)
[ -n "$files" ] || { echo "check_scenario_words: no files under $ui"; exit 2; }
ids=$( (ls "$src"/scripts/scenarios; \
        cat "$src"/scripts/scenarios/*/*.lua | \
          perl -ne 'print "$2\n" while /\b(id|track|role|kind)\s*=\s*"([a-z0-9_]+)"/g'; \
        cat "$src"/assets/maps/*.json | perl -ne 'print "$1\n" while /"(?:id|kind)":\s*"([a-z0-9_]+)"/g') |
      sort -u | tr '\n' ' ')
[ -n "$ids" ] || { echo "check_scenario_words: no scenario ids found under $src"; exit 2; }
IDS="$ids" perl -e '
  my @ids = split " ", $ENV{IDS};
  my %exact = map { $_ => 1 } @ids;
  my @marked = grep { /[_0-9]/ } @ids;
  my $marked = join "|", map { quotemeta } @marked;
  my $nouns = qr/\b(cuba|cuban|caribbean|havana|mariel|florida|kennedy|khrushchev|castro|soviet|moscow|washington|united states|united nations|u-2|il-28|1962|quarantine|missiles?|blockade)\b/i;
  my $bad = 0;
  for my $f (@ARGV) {
    open my $fh, "<", $f or die "$f: $!";
    local $/; my $code = <$fh>; close $fh;
    # Comments out (their line breaks kept), strings and characters kept.
    $code =~ s{(//[^\n]*|/\*.*?\*/)|("(?:\\.|[^"\\\n])*"|\x27(?:\\.|[^\x27\\\n])*\x27)}
              {defined $1 ? "\n" x ($1 =~ tr/\n//) : $2}gse;
    my @lines = split /\n/, $code, -1;
    for my $i (0 .. $#lines) {
      my $l = $lines[$i]; my $at = "$f:" . ($i + 1);
      my @why;
      while ($l =~ /"((?:\\.|[^"\\])*)"/g) {
        my $s = $1;
        push @why, "the id \"$1\" in \"$s\"" if $marked ne "" && $s =~ /\b($marked)\b/;
        push @why, "\"$1\" in \"$s\"" if $s =~ $nouns;
      }
      while ($l =~ /\b(strn?cmp|strcasecmp|strstr|niact_scenario_\w+|niact_map_\w+_index)\s*\(([^;]*)/g) {
        my ($fn, $args) = ($1, $2);
        while ($args =~ /"([a-z0-9_]+)"/g) { push @why, "$fn with the id \"$1\"" if $exact{$1} }
      }
      push @why, "strstr for the word \"$1\"" if $l =~ /\bstrstr\s*\([^;]*"([a-z0-9_]+)"\s*\)/;
      (my $bare = $l) =~ s/"(?:\\.|[^"\\])*"/""/g;
      push @why, "the coordinates $1" if $bare =~ /(?:^|[^0-9.\w])(-?[0-9]{2,3}\.[0-9]+f?\s*,\s*-?[0-9]{1,3}\.[0-9]+)/;
      for (@why) { print "$at: $_\n"; $bad = 1; }
    }
  }
  if ($bad) { print "The window must take these from the scenario'"'"'s declarations (docs/modding.md).\n"; exit 1 }
' $files
