package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/presschart/presschart/charts"
)

// writeFigures renders the figures into o.out, each file written as soon
// as its figure is rendered, so that memory holds only the figures in
// flight. It prints the figures that failed and returns those written,
// for the manifest. With skipSame, files whose bytes have not changed are
// left alone.
func writeFigures(ctx context.Context, o *options, figs []*charts.Figure, formats []string, skipSame bool, stderr io.Writer) (written []manifestFigure, nfiles, same, status int) {
	var unchanged atomic.Int64 // files left alone: their bytes were already there
	write := func(name string, data []byte) error {
		if skipSame {
			if old, err := os.ReadFile(filepath.Join(o.out, name)); err == nil && bytes.Equal(old, data) {
				unchanged.Add(1)
				return nil
			}
		}
		return writeFile(o.out, name, data)
	}
	results := renderAll(ctx, figs, formats, o.jobs, func(f *charts.Figure, outs []charts.Output) error {
		for _, out := range outs {
			if err := write(out.Path, out.Data()); err != nil {
				return fmt.Errorf("presschart: figure %q: %v", f.ID, err)
			}
		}
		return nil
	})
	for _, r := range results {
		switch {
		case r.skipped:
		case r.err != nil:
			fmt.Fprintln(stderr, r.err)
			status = exitFailed
		default:
			m := r.entry
			m.Alt, m.Files = r.alt, r.outs
			written = append(written, m)
			nfiles += len(r.outs)
		}
	}
	same = int(unchanged.Load())
	return written, nfiles - same, same, status
}

// shortRun is the most figures a run renders with the collector relaxed.
const shortRun = 16

type result struct {
	entry   manifestFigure // the figure's id, type, title, rendition
	outs    []charts.Output
	alt     string
	err     error
	skipped bool // not started: the run was interrupted first
}

// renderAll renders the figures, jobs at a time, and hands each one's
// files to write. The results keep the figures' order and describe the
// files without holding their bytes. It drops each figure from figs once
// drawn: the caller must not use them after.
func renderAll(ctx context.Context, figs []*charts.Figure, formats []string, jobs int, write func(*charts.Figure, []charts.Output) error) []result {
	// A short run (a story's few figures, a preview) is all start-up:
	// the collector would run after every 4 MB canvas, for a heap that
	// ends with the process. It collects less often there; a batch keeps
	// the default, and its memory flat.
	if len(figs) <= shortRun && os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	results := make([]result, len(figs))
	budget := newPixelBudget(pixelsInFlight)
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < min(jobs, len(figs)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				// An interrupt stops the run between figures: a figure
				// that was started is written whole.
				if ctx.Err() != nil {
					results[i] = result{skipped: true}
					continue
				}
				px := figs[i].Pixels(formats)
				budget.acquire(px)
				outs, alt, err := figs[i].Publish(formats)
				budget.release(px)
				if err == nil {
					err = write(figs[i], outs)
				}
				for j := range outs {
					outs[j].Release()
				}
				f := figs[i]
				results[i] = result{outs: outs, err: err, entry: manifestFigure{ID: f.ID, RenditionOf: f.RenditionOf, Media: f.Media, Density: f.Density, Type: f.Type, Title: f.Title}}
				if err == nil {
					results[i].alt = alt
				}
				// Drawn: the run needs only its record now. (A large
				// file's light figures go, and with the last of them the
				// file's text.)
				figs[i] = nil
			}
		}()
	}
	for _, i := range renderOrder(figs) {
		next <- i
	}
	close(next)
	wg.Wait()
	return results
}

// renderOrder is the order figures are started in: each figure's
// renditions before it, so that a run interrupted between figures never
// leaves a snippet naming renditions it did not write (a started figure
// is always finished).
func renderOrder(figs []*charts.Figure) []int {
	present := map[string]bool{}
	for _, f := range figs {
		if f.RenditionOf == "" {
			present[f.ID] = true
		}
	}
	rends := map[string][]int{}
	for i, f := range figs {
		if f.RenditionOf != "" && present[f.RenditionOf] {
			rends[f.RenditionOf] = append(rends[f.RenditionOf], i)
		}
	}
	var out []int
	for i, f := range figs {
		switch {
		case f.RenditionOf == "":
			out = append(append(out, rends[f.ID]...), i)
		case !present[f.RenditionOf]: // --only a-rendition: as it comes
			out = append(out, i)
		}
	}
	return out
}

// toStdout writes one figure in one format to stdout.
func toStdout(figs []*charts.Figure, formats []string, stdout, stderr io.Writer) int {
	if own := slices.DeleteFunc(slices.Clone(figs), func(f *charts.Figure) bool { return f.RenditionOf != "" }); len(own) == 1 {
		figs = own // a figure with its renditions: the figure
	}
	if len(figs) != 1 {
		fmt.Fprintf(stderr, "presschart: -o - writes one figure, but %d are selected; choose one with --only\n", len(figs))
		return exitInvalid
	}
	if formats == nil {
		formats = figs[0].Formats()
	}
	if len(formats) != 1 {
		fmt.Fprintln(stderr, "presschart: -o - writes one format; choose it with -f png or -f svg")
		return exitInvalid
	}
	outs, err := figs[0].RenderFiles(formats)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFailed
	}
	if _, err := stdout.Write(outs[0].Data()); err != nil {
		fmt.Fprintf(stderr, "presschart: %v\n", err)
		return exitFailed
	}
	return exitOK
}

// pixelsInFlight bounds the pixels that figures rendered at once may
// rasterise, about 5 bytes each: a batch of figures at the 40-megapixel
// limit renders them one or two at a time whatever -j says, while figures
// of ordinary size render as many at once as there are jobs.
const pixelsInFlight = 60e6

// pixelBudget is a counting semaphore over pixels. A figure larger than
// the whole budget waits until it runs alone.
type pixelBudget struct {
	mu   sync.Mutex
	cond *sync.Cond
	free float64
	size float64
}

func newPixelBudget(size float64) *pixelBudget {
	b := &pixelBudget{free: size, size: size}
	b.cond = sync.NewCond(&b.mu)
	return b
}

func (b *pixelBudget) acquire(px float64) {
	px = min(px, b.size)
	b.mu.Lock()
	for b.free < px {
		b.cond.Wait()
	}
	b.free -= px
	b.mu.Unlock()
}

func (b *pixelBudget) release(px float64) {
	px = min(px, b.size)
	b.mu.Lock()
	b.free += px
	b.mu.Unlock()
	b.cond.Broadcast()
}
