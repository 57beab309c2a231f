// Command samplegen writes the filled-in sample workbooks of samples/:
// a blank form from the checklist package, filled the way a hospital's
// staff would fill it. The output is the same bytes on every run.
//
// Usage:
//
//	go run ./internal/tools/samplegen -o samples
//	go run ./internal/tools/samplegen -o /tmp -items 3000   # big-3000.xlsx, for measurements
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	out := flag.String("o", ".", "出力先のフォルダ")
	items := flag.Int("items", 0, "この数の項目を持つ大きな確認表 big-N.xlsx だけを書きます（計測用）")
	flag.Parse()
	list := samples()
	if *items > 0 {
		list = []sample{big(*items)}
	}
	if err := run(*out, list); err != nil {
		fmt.Fprintln(os.Stderr, "samplegen:", err)
		os.Exit(1)
	}
}

func run(dir string, list []sample) error {
	for _, s := range list {
		var buf bytes.Buffer
		if err := s.write(&buf); err != nil {
			return fmt.Errorf("%s: %w", s.file, err)
		}
		path := filepath.Join(dir, s.file)
		if err := writeFileAtomic(path, buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// writeFileAtomic writes data to a temporary file next to path and renames it.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".samplegen-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
