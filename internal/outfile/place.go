package outfile

import (
	"io/fs"
	"os"
)

// place is where a group is written: the file system as it is, or a
// folder that names cannot leave (os.Root).
type place interface {
	mkdirAll(dir string) error
	create(name string) (*os.File, error) // a new file; fs.ErrExist if there is one
	rename(from, to string) error
	link(from, to string) error
	remove(name string) error
	lstat(name string) (fs.FileInfo, error)
}

const createFlags = os.O_WRONLY | os.O_CREATE | os.O_EXCL

// osPlace is the file system, paths as they are.
type osPlace struct{}

func (osPlace) mkdirAll(dir string) error              { return os.MkdirAll(dir, 0o755) }
func (osPlace) create(name string) (*os.File, error)   { return os.OpenFile(name, createFlags, 0o600) }
func (osPlace) rename(from, to string) error           { return os.Rename(from, to) }
func (osPlace) link(from, to string) error             { return os.Link(from, to) }
func (osPlace) remove(name string) error               { return os.Remove(name) }
func (osPlace) lstat(name string) (fs.FileInfo, error) { return os.Lstat(name) }

// rootPlace is a folder; paths are relative to it.
type rootPlace struct{ root *os.Root }

func (r rootPlace) mkdirAll(dir string) error { return r.root.MkdirAll(dir, 0o755) }
func (r rootPlace) create(name string) (*os.File, error) {
	return r.root.OpenFile(name, createFlags, 0o600)
}
func (r rootPlace) rename(from, to string) error { return r.root.Rename(from, to) }
func (r rootPlace) link(from, to string) error   { return r.root.Link(from, to) }
func (r rootPlace) remove(name string) error     { return r.root.Remove(name) }
func (r rootPlace) lstat(name string) (fs.FileInfo, error) {
	return r.root.Lstat(name)
}
