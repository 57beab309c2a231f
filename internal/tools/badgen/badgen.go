// Package badgen writes the catalogue of broken and hostile inputs that the
// tests of package checklist/xlsx and of the annexgen command feed to annexgen:
// files that are not workbooks, damaged workbooks, workbooks with hostile
// contents, and workbooks that are odd but valid. The same call gives the
// same bytes, so that the small files can be kept in testdata and checked
// for staleness; the big ones are written at test time.
package badgen

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

// Case is one file of the catalogue.
type Case struct {
	Name   string                 // file name: "empty.xlsx"
	What   string                 // what the file is
	Big    bool                   // too big to keep in testdata: written at test time
	Varies bool                   // encrypted with a random salt: other bytes each time
	Build  func() ([]byte, error) // nil for files copied from office software (Office)
}

// Office lists the files made by office software (LibreOffice), which
// are kept in testdata and not rebuilt here: file name -> what it is.
var Office = map[string]string{
	"legacy.xls":       "an Excel 97-2003 workbook saved by LibreOffice",
	"legacy-xls.xlsx":  "the same .xls file renamed to .xlsx",
	"ods-renamed.xlsx": "an OpenDocument spreadsheet saved by LibreOffice, renamed to .xlsx",
	"office1904.xlsx":  "a workbook with the 1904 date system, saved by LibreOffice",
}

// Password is the password of the encrypted cases.
const Password = "ひみつ2024"

// Cases returns the catalogue, in a fixed order.
func Cases() []Case {
	return slices.Concat(
		notWorkbookCases(),
		brokenPackageCases(),
		sheetCases(),
		cellCases(),
		layoutCases(),
		sizeCases(),
		accountedCases(),
	)
}

// Write writes the cases into dir: the small ones, and the big ones too
// when big is set.
func Write(dir string, big bool) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, c := range Cases() {
		if c.Big && !big {
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, c.Name)); err == nil && c.Varies {
			continue // kept, so that an update leaves it unchanged
		}
		b, err := c.Build()
		if err != nil {
			return fmt.Errorf("%s: %w", c.Name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, c.Name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
