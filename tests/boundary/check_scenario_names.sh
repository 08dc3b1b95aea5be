#!/bin/sh
# No bundled scenario is named in the program (issue 12, "no C that names any of them"):
# no .c or .h file under engine/ or include/ holds the folder name of a bundled scenario
# (scripts/scenarios/*) outside a comment. The default scenario is found in the bundled
# folder (niact_path_default_scenario), never written in C. Exits 1 naming each line.
# usage: check_scenario_names.sh SOURCE_DIR
src=${1:-.}
names=$(ls "$src"/scripts/scenarios 2>/dev/null | tr '\n' ' ')
[ -n "$names" ] || { echo "check_scenario_names: no scenarios under $src/scripts"; exit 2; }
files=$(find "$src"/engine "$src"/include -name '*.[ch]' | sort)
NAMES="$names" perl -e '
  my $re = join "|", map { quotemeta } split " ", $ENV{NAMES};
  my $bad = 0;
  for my $f (@ARGV) {
    open my $fh, "<", $f or die "$f: $!";
    local $/; my $code = <$fh>; close $fh;
    $code =~ s{(//[^\n]*|/\*.*?\*/)|("(?:\\.|[^"\\\n])*"|\x27(?:\\.|[^\x27\\\n])*\x27)}
              {defined $1 ? "\n" x ($1 =~ tr/\n//) : $2}gse;
    my @lines = split /\n/, $code, -1;
    for my $i (0 .. $#lines) {
      if ($lines[$i] =~ /\b($re)\b/) { print "$f:", $i + 1, ": names the scenario $1\n"; $bad = 1 }
    }
  }
  if ($bad) { print "Scenarios are data: find them through niact/paths.h.\n"; exit 1 }
' $files
