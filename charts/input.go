package charts

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// ReadInput reads a TOML file named on the command line: a regular file
// of at most 16 MiB. A device, FIFO, socket or folder is refused before it
// is opened, so that /dev/zero cannot fill memory and a FIFO cannot block
// the run; standard input is read with "-" instead.
func ReadInput(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, &Error{File: path, Msg: describeOpenError(err)}
	}
	if !info.Mode().IsRegular() {
		return nil, &Error{File: path, Msg: fmt.Sprintf("is %s, not a regular file; write the TOML to a file, or pipe it in with - as the file name", fileKind(info))}
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, &Error{File: path, Msg: describeOpenError(err)}
	}
	defer f.Close()
	return readLimited(f, path)
}

// ReadLimited reads r to its end, refusing more than maxFileBytes with an
// error that names the input.
func ReadLimited(r io.Reader, name string) ([]byte, error) { return readLimited(r, name) }

func readLimited(r io.Reader, name string) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxFileBytes+1))
	if err != nil {
		return nil, &Error{File: name, Msg: describeOpenError(err)}
	}
	if len(b) > maxFileBytes {
		return nil, &Error{File: name, Msg: tooBig}
	}
	return b, nil
}

// tooBig is the message for an input over the size limit.
var tooBig = fmt.Sprintf("is over %d MiB; at most %d MiB are allowed", maxFileBytes>>20, maxFileBytes>>20)

// fileKind names what a non-regular file is.
func fileKind(info fs.FileInfo) string {
	switch m := info.Mode(); {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// describeOpenError says why a file could not be read, without Go's
// "open PATH:" prefix (the caller names the file).
func describeOpenError(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// namedFile is a file that a TOML file names (a CSV file or a font), read
// whole and checked.
type namedFile struct {
	key  string // where the file is read from: the absolute path, for caches and --watch
	data []byte
	sum  [32]byte
	info fs.FileInfo
}

// readNamed reads a file that the TOML file names, for the key k. The path
// is relative to the TOML file's folder (e.dir) and must stay inside the
// root folder (e.root, that folder unless --root names another): an
// absolute path, a path through "..", or a symbolic link that leads out of
// the root is refused, so that a TOML file cannot make presschart read, or
// echo into an error, a file outside the folder it was given. ext lists
// the endings the file may have (".csv"); limit is its largest size. On an
// error it reports the problem under k and returns nil.
func (e *errs) readNamed(k, name string, ext []string, limit int64, what string) *namedFile {
	if name == "" {
		e.add(k, "is empty; give the path of %s", what)
		return nil
	}
	if e.root == noFiles {
		e.add(k, "names a file (%q); a request to the render service cannot read files unless the service is started with --root DIR", clip(name))
		return nil
	}
	if filepath.IsAbs(name) || filepath.VolumeName(name) != "" || strings.HasPrefix(name, "/") || strings.HasPrefix(name, `\`) {
		e.add(k, "%q is an absolute path; give a path relative to %s", name, e.file)
		return nil
	}
	okExt := false
	for _, x := range ext {
		okExt = okExt || strings.EqualFold(filepath.Ext(name), x)
	}
	if !okExt {
		ends := strings.Join(ext, " or ")
		if len(ext) > 2 {
			ends = strings.Join(ext[:len(ext)-1], ", ") + " or " + ext[len(ext)-1]
		}
		e.add(k, "%q is not %s: its name must end in %s", name, what, ends)
		return nil
	}
	root := e.root
	if root == "" {
		root = e.dir
	}
	absRoot, err1 := filepath.Abs(root)
	absPath, err2 := filepath.Abs(filepath.Join(e.dir, name))
	rel, err3 := filepath.Rel(absRoot, absPath)
	if err1 != nil || err2 != nil || err3 != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		e.add(k, "%q is outside %s; files named in a TOML file must be in its folder or below it (or under the folder --root names)", name, e.rootName())
		return nil
	}
	r, err := os.OpenRoot(absRoot)
	if err != nil {
		e.add(k, "cannot read %q: %s", name, describeOpenError(err))
		return nil
	}
	defer r.Close()
	escapes := func(err error) bool {
		return err != nil && strings.Contains(err.Error(), "escapes")
	}
	info, err := r.Stat(rel)
	switch {
	case escapes(err):
		e.add(k, "%q leads outside %s through a symbolic link; files named in a TOML file must be in its folder or below it (or under the folder --root names)", name, e.rootName())
		return nil
	case err != nil:
		e.add(k, "cannot read %q: %s", name, describeOpenError(err))
		return nil
	case !info.Mode().IsRegular():
		e.add(k, "%q is %s, not a file", name, fileKind(info))
		return nil
	case info.Size() > limit:
		e.add(k, "%q is over %d MiB; at most %d MiB are allowed", name, limit>>20, limit>>20)
		return nil
	}
	f, err := r.OpenFile(rel, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		e.add(k, "cannot read %q: %s", name, describeOpenError(err))
		return nil
	}
	defer f.Close()
	if info, err = f.Stat(); err != nil || !info.Mode().IsRegular() {
		e.add(k, "%q is not a file", name)
		return nil
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		e.add(k, "cannot read %q: %s", name, describeOpenError(err))
		return nil
	}
	if int64(len(data)) > limit {
		e.add(k, "%q is over %d MiB; at most %d MiB are allowed", name, limit>>20, limit>>20)
		return nil
	}
	return &namedFile{key: absPath, data: data, sum: sha256.Sum256(data), info: info}
}

// noFiles is the root of a file that may name no files: a request body.
// No folder can have this name.
const noFiles = "\x00"

// rootName names the folder that named files must stay in, for messages.
func (e *errs) rootName() string {
	if e.root != "" {
		return fmt.Sprintf("the folder %q", e.root)
	}
	return fmt.Sprintf("the folder of %s", e.file)
}
