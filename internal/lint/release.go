package lint

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/ctlint/ctlint/internal/parse"
)

// A directory walk reads each candidate file to detect its kind, but keeps
// only the kind: holding the content of every template until its scope is
// linted would make memory grow with the size of the repository, not with
// the number of scopes linted at once. The content is read again by load
// when the scope is linted, and dropped by release after. Standard input
// cannot be read twice, and reports print its source lines: it is kept.

// forget drops the content of a file read from disk after detection.
func (sc *scope) forget() {
	if sc.file != nil && sc.file.Path != stdinName {
		sc.file.Data = nil
		sc.unread = true
	}
}

// load reads a single-file scope's content again if it was dropped. The
// file may have changed since it was detected; it is read under the same
// size limit, and parsing reports what no longer fits its kind.
func (sc *scope) load(maxSize int64) *parse.Error {
	if !sc.unread || sc.file.Data != nil {
		return nil
	}
	data, err := readAtMost(filepath.FromSlash(sc.file.Path), maxSize)
	if err != nil {
		return &parse.Error{File: sc.file.Path, Message: describeFSError(err)}
	}
	if int64(len(data)) > maxSize {
		return &parse.Error{File: sc.file.Path, Warning: true, Message: fmt.Sprintf("skipped: the file grew to more than --max-file-size (%d bytes) while ctlint ran", maxSize)}
	}
	if data == nil {
		data = []byte{} // nil marks content not read
	}
	sc.file.Data = data
	return nil
}

// readAtMost reads up to maxSize+1 bytes of a file: enough to tell that it
// is too large without reading all of it. Like os.ReadFile, it sizes its
// buffer from the file's size, so that a file is read into one allocation.
func readAtMost(p string, maxSize int64) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := int64(0)
	if info, err := f.Stat(); err == nil {
		size = info.Size()
	}
	data := make([]byte, 0, min(max(size, 0), maxSize)+1)
	for int64(len(data)) <= maxSize {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := f.Read(data[len(data):min(int64(cap(data)), maxSize+1)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	return data, nil
}

// release drops a linted scope's file content, so that memory holds the
// files of the scopes being linted, not of every scope discovered.
func (sc *scope) release() {
	if sc.file != nil && sc.file.Path != stdinName {
		sc.file.Data = nil
	}
}
