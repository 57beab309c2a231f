// Package batch converts workbooks into documents, one file at a time or
// many in parallel: it finds the inputs, names their outputs and refuses
// names that clash, runs each input through the pipeline (package
// convert) on a pool of workers, writes the outputs all or nothing, and
// reports what happened to every file.
package batch

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Input is one workbook to convert.
type Input struct {
	Path string // as given or found
	Rel  string // path relative to the folder argument it was found in; the base name for a file argument
}

// Found is what Expand found.
type Found struct {
	Inputs []Input
	Empty  []string // folder arguments holding no workbook
}

// sheetEndings are the endings of the files a folder's inputs are: the
// workbooks annexgen reads (.xlsx, and macro-enabled workbooks and
// templates, read the same way), and the spreadsheets of other formats,
// which the reader refuses with a message saying what each is and how to
// save it as .xlsx, so that every spreadsheet of a folder gets its line.
var sheetEndings = map[string]bool{
	".xlsx": true, ".xlsm": true, ".xltx": true, ".xltm": true,
	".xls": true, ".xlsb": true, ".ods": true, ".fods": true, ".numbers": true,
}

// Expand turns command-line arguments into inputs. A file is taken as it
// is; a folder means every spreadsheet below it (sheetEndings), in lexical
// order, skipping Office lock files (~$name.xlsx), hidden files and
// folders, and symbolic links (so that a folder never leads outside
// itself). A Numbers document saved as a folder (a package) is one input.
// The error names a folder that cannot be read.
func Expand(args []string) (Found, error) {
	var found Found
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil || !info.IsDir() {
			// A missing file is reported by the reader, like any other bad input.
			found.Inputs = append(found.Inputs, Input{Path: arg, Rel: filepath.Base(arg)})
			continue
		}
		var inputs []Input
		err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return fmt.Errorf("%s: フォルダを読めません", path)
			}
			name := d.Name()
			if path != arg && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			ext := strings.ToLower(filepath.Ext(name))
			bundle := d.IsDir() && path != arg && ext == ".numbers"
			if !bundle && (d.IsDir() || d.Type()&fs.ModeSymlink != 0 || !d.Type().IsRegular()) || strings.HasPrefix(name, "~$") || !sheetEndings[ext] {
				return nil
			}
			rel, err := filepath.Rel(arg, path)
			if err != nil || !filepath.IsLocal(rel) {
				return nil
			}
			inputs = append(inputs, Input{Path: path, Rel: rel})
			if bundle {
				return filepath.SkipDir
			}
			return nil
		})
		if err != nil {
			return Found{}, err
		}
		if len(inputs) == 0 {
			found.Empty = append(found.Empty, arg)
		}
		sort.Slice(inputs, func(i, j int) bool { return inputs[i].Rel < inputs[j].Rel })
		found.Inputs = append(found.Inputs, inputs...)
	}
	return found, nil
}

// OutputBase returns the path of in's outputs without their endings
// (".annex.pdf" and so on): beside the input, or under outDir keeping the
// input's path relative to its folder argument.
func OutputBase(in Input, outDir string) string {
	if outDir == "" {
		return filepath.Join(filepath.Dir(in.Path), filepath.Base(stem(in.Rel)))
	}
	return filepath.Join(outDir, stem(in.Rel))
}

// Clashes returns the groups of inputs whose outputs would have the same
// names (two folders' a.xlsx written into one -o folder, or a.xlsx and
// a.XLSX), in input order.
func Clashes(inputs []Input, outDir string) [][]Input {
	groups := make(map[string][]Input)
	var order []string
	for _, in := range inputs {
		key := strings.ToLower(filepath.Clean(OutputBase(in, outDir)))
		if _, seen := groups[key]; !seen {
			order = append(order, key)
		}
		groups[key] = append(groups[key], in)
	}
	var clashes [][]Input
	for _, key := range order {
		if len(groups[key]) > 1 {
			clashes = append(clashes, groups[key])
		}
	}
	return clashes
}

// stem returns rel without its extension: "sub/clinic.xlsx" -> "sub/clinic".
func stem(rel string) string {
	return strings.TrimSuffix(rel, filepath.Ext(rel))
}
