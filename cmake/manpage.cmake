# Writes the man page niact.6 from `niact --help`, so the page and the help are one text
# (engine/cli/help.c). Run at build time: cmake -DNIACT=<binary> -DOUT=<file>
# -DVERSION=<version> -P manpage.cmake
execute_process(COMMAND "${NIACT}" --help OUTPUT_VARIABLE help RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR help STREQUAL "")
  message(FATAL_ERROR "niact --help failed (${rc}): cannot write the man page")
endif()
# roff: a backslash is \e, a minus \-, and a line may not start with . or '.
string(REPLACE "\\" "\\e" help "${help}")
string(REPLACE "-" "\\-" help "${help}")
string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" help "${help}")
file(WRITE "${OUT}.tmp"
".\\\" Made from `niact --help` by cmake/manpage.cmake; edit engine/cli/help.c instead.
.TH NIACT 6 \"\" \"niact ${VERSION}\" \"Games\"
.SH NAME
niact \\- a turn\\-based crisis negotiation game
.SH SYNOPSIS
.B niact
[\\fICOMMAND\\fR] [\\fIOPTIONS\\fR]
.SH DESCRIPTION
Niact is a turn\\-based game of crisis negotiation for up to a few delegations, played in
a window or in the terminal, with scenarios written in Lua. The text below is the
program's own help (\\fBniact \\-\\-help\\fR).
.PP
.nf
${help}.fi
.SH FILES
.TP
.I PREFIX/share/niact/scripts/scenarios/
the bundled scenarios
.TP
.I PREFIX/share/niact/assets/
fonts (with their licences) and map data
.TP
.I $XDG_DATA_HOME/niact/
the user's scenarios, saves and autosaves (default \\fI~/.local/share/niact\\fR)
.TP
.I PREFIX/share/doc/niact/
the manual: README.md and docs/ (cli.md, modding.md, teachers.md, ...)
")
file(RENAME "${OUT}.tmp" "${OUT}")
