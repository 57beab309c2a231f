//go:build unix

package fonts

import (
	"os"
	"syscall"
)

// readFontFile returns the contents of a font file. The file is mapped
// into memory rather than read: a Japanese font is 5 to 10 MB, of which a
// document touches only the tables and glyphs it uses, so mapping saves
// copying the rest at every start. The mapping is private and lives as
// long as the process, like the fonts themselves.
func readFontFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := info.Size()
	if !info.Mode().IsRegular() || size <= 0 || size > 1<<30 {
		return os.ReadFile(path)
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_PRIVATE)
	if err != nil {
		return os.ReadFile(path)
	}
	return data, nil
}
