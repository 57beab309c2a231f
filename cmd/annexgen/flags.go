package main

import (
	"fmt"
	"strings"

	"github.com/spf13/pflag"
)

// flagUsages lists the options of fs for a command's help: the names, a
// placeholder for the value (none for a switch), the description and, for
// an option with a value, its default when there is one. It replaces
// pflag's own list, which spells out "--force[=true|false]" and defaults
// in English.
func flagUsages(fs *pflag.FlagSet) string {
	type row struct{ names, usage string }
	var rows []row
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		names := "    "
		if f.Shorthand != "" {
			names = "-" + f.Shorthand + ", "
		}
		names += "--" + f.Name
		placeholder, usage := pflag.UnquoteUsage(f)
		if f.Value.Type() != "bool" {
			names += " " + valueName(placeholder)
			if d := f.DefValue; d != "" && d != "[]" && d != "0" {
				usage += "（既定: " + d + "）"
			}
		}
		rows = append(rows, row{names, usage})
		width = max(width, columns(names))
	})
	var b strings.Builder
	for _, r := range rows {
		pad := strings.Repeat(" ", width-columns(r.names)+3)
		indent := "\n" + strings.Repeat(" ", width+5)
		fmt.Fprintf(&b, "  %s%s%s\n", r.names, pad, strings.ReplaceAll(r.usage, "\n", indent))
	}
	return b.String()
}

// valueName turns pflag's name of a value's type into a placeholder; a
// name given in the usage text between backquotes is kept.
func valueName(name string) string {
	switch name {
	case "string", "stringArray", "stringSlice":
		return "値"
	case "int":
		return "数"
	}
	return name
}

// columns is the width of s on a terminal: two columns for a wide (CJK)
// character, one for others.
func columns(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x2E80 && r <= 0xFFDC {
			n++
		}
	}
	return n
}
