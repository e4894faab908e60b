package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"

	"github.com/presschart/presschart/charts"
)

const importUsage = `presschart import prints a starter [[figure]] for a table: its type, its
data and columns as the readers will read them, and placeholders for the
title, subtitle and source. Append it to a TOML file beside the table:

  presschart import rates.csv >> data.toml
  presschart import --type line --sheet 2025 --range A3:D20 budget.xlsx

Without --type, dates in the first column and numbers beside them make a
line chart, a label and one number a bar chart, a label and two numbers a
dumbbell, and more numbers grouped bars. The figure is decoded before it
is printed; if it would not decode (a type that does not suit the table,
a cell that cannot be read), it is printed all the same, the problems go
to standard error, and the exit status is 2.

Usage:
  presschart import [flags] TABLE

Flags:
`

// importMain runs presschart import.
func importMain(args []string, stdout, stderr io.Writer) int {
	var o charts.ImportOptions
	var help bool
	fs := importFlags(&o, &help)
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(stderr, "presschart import: %v\nRun 'presschart import --help' for usage.\n", err)
		return exitInvalid
	}
	if help {
		io.WriteString(stdout, importUsage+fs.FlagUsages())
		return exitOK
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(stderr, "presschart import: give one table (a .csv, .tsv, .txt or .xlsx file)\nRun 'presschart import --help' for usage.\n")
		return exitInvalid
	}
	out, err := charts.Import(fs.Arg(0), o)
	io.WriteString(stdout, out)
	if err != nil {
		fmt.Fprintln(stderr, err)
		if out != "" {
			fmt.Fprintln(stderr, "presschart import: the figure above (starter.toml, as printed) does not decode yet; fix what is said, or choose another --type")
		}
		return exitInvalid
	}
	return exitOK
}

// importFlags defines presschart import's flags.
func importFlags(o *charts.ImportOptions, help *bool) *pflag.FlagSet {
	fs := pflag.NewFlagSet("presschart import", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = false
	fs.StringVarP(&o.Type, "type", "t", "", "the chart `TYPE`: "+strings.Join(charts.KindNames(), ", ")+" (default: chosen from the table)")
	fs.StringVar(&o.Sheet, "sheet", "", "a workbook's `SHEET` (default: the first)")
	fs.StringVar(&o.Range, "range", "", "a workbook's cells, `A1:D20` (default: the whole sheet)")
	fs.StringVar(&o.ID, "id", "", "the figure's `ID` (default: from the file's name)")
	fs.BoolVarP(help, "help", "h", false, "show this help")
	return fs
}
