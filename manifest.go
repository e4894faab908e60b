package main

import (
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

	"presschart/charts"
)

// The manifest model: out/manifest.json describes the figures whose files
// are in the folder, whichever runs wrote them. Each run that writes into
// the folder merges what it wrote into the manifest while it holds the
// folder's lock (an flock on the folder), so runs that share a folder (the
// shards of a batch, --only, -f, a run stopped by a signal or a full
// disk) leave one manifest that lists every figure there. A figure that
// was written is listed as written; one that another run wrote before
// stays listed only while its files are still on disk with the bytes the
// manifest says. Figures are listed by id, so the manifest does not
// depend on which run finished first.

type manifest struct {
	Generator string           `json:"generator"`
	Figures   []manifestFigure `json:"figures"`
}

type manifestFigure struct {
	ID          string          `json:"id"`
	RenditionOf string          `json:"rendition_of,omitempty"`
	Type        string          `json:"type"`
	Title       string          `json:"title"`
	Alt         string          `json:"alt"`
	Files       []charts.Output `json:"files"`
}

const manifestName = "manifest.json"

// encode returns the manifest as indented JSON with a final newline.
func (m *manifest) encode() []byte {
	js, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		panic(err) // only strings, numbers and slices: cannot fail
	}
	return append(js, '\n')
}

// mergeManifest adds the figures written by this run to dir's manifest,
// under the folder's lock, and returns what it wrote.
func mergeManifest(dir string, written []manifestFigure) ([]byte, error) {
	unlock, err := lockDir(dir)
	if err != nil {
		return nil, fmt.Errorf("locking the folder %s: %v", dir, describeErr(err))
	}
	defer unlock()

	byID := map[string]manifestFigure{}
	if old, err := os.ReadFile(filepath.Join(dir, manifestName)); err == nil {
		var m manifest
		if json.Unmarshal(old, &m) == nil {
			for _, f := range m.Figures {
				if onDisk(dir, f) {
					byID[f.ID] = f
				}
			}
		}
	}
	for _, f := range written {
		byID[f.ID] = f
	}
	m := manifest{Generator: "presschart " + charts.Version, Figures: []manifestFigure{}}
	for _, id := range slices.Sorted(maps.Keys(byID)) {
		m.Figures = append(m.Figures, byID[id])
	}
	js := m.encode()
	if err := writeFile(dir, manifestName, js); err != nil {
		return nil, err
	}
	return js, nil
}

// onDisk reports whether every file of a manifest entry is in dir with the
// size and sha256 that the entry gives.
func onDisk(dir string, f manifestFigure) bool {
	if len(f.Files) == 0 || f.ID == "" {
		return false
	}
	for _, o := range f.Files {
		if o.Path != filepath.Base(o.Path) || strings.HasPrefix(o.Path, ".") {
			return false
		}
		p := filepath.Join(dir, o.Path)
		info, err := os.Lstat(p)
		if err != nil || !info.Mode().IsRegular() || info.Size() != int64(o.Bytes) {
			return false
		}
		fh, err := os.Open(p)
		if err != nil {
			return false
		}
		h := sha256.New()
		_, err = io.Copy(h, fh)
		fh.Close()
		if err != nil || hex.EncodeToString(h.Sum(nil)) != o.SHA256 {
			return false
		}
	}
	return true
}
