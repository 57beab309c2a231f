//go:build !unix

package fonts

import "os"

// readFontFile returns the contents of a font file.
func readFontFile(path string) ([]byte, error) { return os.ReadFile(path) }
