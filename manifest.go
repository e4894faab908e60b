package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/presschart/presschart/charts"
)

// The manifest model: out/manifest.json describes the figures whose files
// are in the folder, whichever runs wrote them. Each run that writes into
// the folder merges what it wrote into the manifest while it holds the
// folder's lock (an flock on the folder), so runs that share a folder (the
// shards of a batch, --only, -f, a run stopped by a signal or a full
// disk) leave one manifest that lists every figure there. Each file is
// listed only while it is on disk with the bytes the manifest says, with
// the record of the run that wrote those bytes. Figures are listed by id,
// so the manifest does not depend on which run finished first.

type manifest struct {
	Generator string           `json:"generator"`
	Figures   []manifestFigure `json:"figures"`
}

type manifestFigure struct {
	ID          string          `json:"id"`
	RenditionOf string          `json:"rendition_of,omitempty"`
	Media       string          `json:"media,omitempty"`
	Density     int             `json:"density,omitempty"`
	Type        string          `json:"type"`
	Title       string          `json:"title"`
	Alt         string          `json:"alt"`
	Files       []charts.Output `json:"files"`
}

const manifestName = "manifest.json"

// encode returns the manifest as indented JSON with a final newline, as
// json.MarshalIndent(m, "", "  ") writes it.
func (m *manifest) encode() []byte {
	var b bytes.Buffer
	m.writeTo(&b) // a bytes.Buffer does not fail
	return b.Bytes()
}

// writeTo writes the manifest as encode returns it, a figure at a time:
// the manifest of 10,000 figures (9 MB) is not held in memory, compact
// and indented, before it is written.
func (m *manifest) writeTo(w io.Writer) error {
	bw := bufio.NewWriter(w)
	gen, _ := json.Marshal(m.Generator)
	bw.WriteString("{\n  \"generator\": ")
	bw.Write(gen)
	bw.WriteString(",\n  \"figures\": [")
	for i, f := range m.Figures {
		js, err := json.MarshalIndent(f, "    ", "  ")
		if err != nil {
			panic(err) // only strings, numbers and slices: cannot fail
		}
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n    ")
		if _, err := bw.Write(js); err != nil {
			return err
		}
	}
	if len(m.Figures) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("]\n}\n")
	return bw.Flush()
}

// mergeManifest adds the figures written by this run to dir's manifest,
// under the folder's lock, and returns what it wrote. It checks every
// file against the disk while it holds the lock: a file is listed with
// the record whose sha256 it has now, this run's or an earlier run's, so
// that a run that wrote a file after this one (two runs into one folder)
// or a format written by another run (-f png, then -f svg) is listed as
// it is. A figure none of whose files match drops out. When the manifest
// cannot be written, the old one is removed rather than left to describe
// files that have changed.
func mergeManifest(dir string, written []manifestFigure) error {
	unlock, err := lockDir(dir)
	if err != nil {
		return fmt.Errorf("locking the folder %s: %v", dir, describeErr(err))
	}
	defer unlock()

	old := map[string]manifestFigure{}
	if b, err := os.ReadFile(filepath.Join(dir, manifestName)); err == nil {
		var m manifest
		if json.Unmarshal(b, &m) == nil {
			for _, f := range m.Figures {
				old[f.ID] = f
			}
		}
	}
	byID := map[string]manifestFigure{}
	for id, f := range old {
		if f.Files = filesOnDisk(dir, f.Files); len(f.Files) > 0 {
			byID[id] = f
		}
	}
	// A figure written now has the renditions written with it: an
	// earlier run's that it no longer makes (embed removed, a breakpoint
	// dropped) are not listed, so a CMS does not build a <picture> of
	// stale images. Their files stay on disk.
	now := map[string]bool{}
	for _, f := range written {
		now[f.ID] = true
	}
	for id, f := range byID {
		if f.RenditionOf != "" && now[f.RenditionOf] && !now[id] {
			delete(byID, id)
		}
	}
	for _, f := range written {
		// This run's records first, then the earlier ones of the same
		// files and of other formats; the first that the disk bears out
		// is listed.
		cands := append(slices.Clone(f.Files), old[f.ID].Files...)
		if f.Files = filesOnDisk(dir, cands); len(f.Files) > 0 {
			byID[f.ID] = f
		} else {
			delete(byID, f.ID)
		}
	}
	m := manifest{Generator: readBuildInfo().generator(), Figures: []manifestFigure{}}
	for _, id := range slices.Sorted(maps.Keys(byID)) {
		m.Figures = append(m.Figures, byID[id])
	}
	if err := writeFileWith(dir, manifestName, m.writeTo); err != nil {
		if rerr := os.Remove(filepath.Join(dir, manifestName)); rerr == nil || os.IsNotExist(rerr) {
			return fmt.Errorf("%v; the old manifest was removed, since it no longer describes the folder", err)
		}
		return err
	}
	if page := indexPage(dir, m.Figures); page != nil {
		return writeFile(dir, indexName, page)
	}
	return nil
}

// filesOnDisk returns, for each path among recs in their order, the first
// record that the file in dir bears out (size and sha256), and none for a
// path whose file matches no record.
func filesOnDisk(dir string, recs []charts.Output) []charts.Output {
	var out []charts.Output
	done := map[string]bool{}
	sums := map[string]string{} // path -> sha256 of the file now, "" when unreadable
	for _, o := range recs {
		if done[o.Path] || o.Path != filepath.Base(o.Path) || strings.HasPrefix(o.Path, ".") {
			continue
		}
		sum, ok := sums[o.Path]
		if !ok {
			p := filepath.Join(dir, o.Path)
			if sum, ok = wrote.sum(p); !ok {
				sum = fileSum(p)
			}
			sums[o.Path] = sum
		}
		if sum != "" && sum == o.SHA256 {
			out = append(out, o)
			done[o.Path] = true
		}
	}
	return out
}

// fileSumOf is the sha256 of b, as the manifest writes it.
func fileSumOf(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// fileSum is the sha256 of a regular file, or "" when it cannot be read.
func fileSum(p string) string {
	info, err := os.Lstat(p)
	if err != nil || !info.Mode().IsRegular() {
		return ""
	}
	fh, err := os.Open(p)
	if err != nil {
		return ""
	}
	defer fh.Close()
	h := sha256.New()
	if _, err := io.Copy(h, fh); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}
