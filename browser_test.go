package main

// Browser tests: the story's snippets, as index.html shows them, loaded by
// headless Chromium (Debian's chromium; ../shared/tools/setup-browser
// installs it) at a phone's and a desktop's width, in light and dark
// colour schemes. Driven with chromedp: the DevTools protocol from Go,
// with no Node and no driver binary to fetch. Without a browser the tests
// skip, saying so; they never download one.

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"io"
	"math"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"golang.org/x/image/draw"
)

// findBrowser returns Chromium's path, or "" when there is none.
func findBrowser() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser starts headless Chromium for t, or skips t when there is none.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := findBrowser()
	if path == "" {
		t.Skip("SKIPPED: browser tests need Chromium (chromium, chromium-browser or google-chrome on PATH); ../shared/tools/setup-browser installs it")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU,
		// Chromium's own scratch folders go where the test cleans up.
		chromedp.UserDataDir(t.TempDir()), chromedp.Env("TMPDIR="+t.TempDir()),
		chromedp.Flag("hide-scrollbars", true), chromedp.Flag("force-color-profile", "srgb"))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelA() })
	// The first action starts the browser, which lives as long as ctx:
	// no timeout on it (the test's own deadline stops a hung browser).
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	return ctx
}

// embedCase is one page view: a viewport and a colour scheme.
type embedCase struct {
	width  int64
	dpr    float64
	scheme string
	mobile bool
}

func (c embedCase) String() string { return fmt.Sprintf("%dpx@%gx-%s", c.width, c.dpr, c.scheme) }

// otherFigure is dark whatever the page, and has a phone's layout.
const otherFigure = `[[figure]]
id = "zz-other"
type = "bar"
title = "Turnout by district"
theme = "dark"
embed = ["mobile"]
embed_dark = false
formats = ["png", "svg", "html", "inline"]
source = "Source: electoral commission"
source_url = "https://example.invalid/turnout"
data = [{ label = "North", value = 61.5 }, { label = "South", value = 48.2 }]
`

// want is the rendition of figure id that the case should load.
func (c embedCase) want(id string) string {
	name := id
	if c.width < 480 {
		name += "-mobile"
	}
	if c.scheme == "dark" && id != "zz-other" {
		name += "-dark"
	}
	if d := int(c.dpr); d != 2 { // the story's own density
		name += fmt.Sprintf("-%dx", d)
	}
	return name
}

// shown is what the page reports of one snippet.
type shown struct {
	Figure string   `json:"figure"`
	Format string   `json:"format"`
	Src    string   `json:"src"`    // the <img>'s currentSrc
	Inline []string `json:"inline"` // the ids of the inline SVGs shown
	Width  float64  `json:"width"`  // the figure's width, CSS px
	Text   string   `json:"text"`   // the snippet's text outside its image
}

const inspectJS = `(async () => {
  const out = [];
  for (const sec of document.querySelectorAll("section.index-figure")) {
    const fig = sec.querySelector("figure");
    const img = fig.querySelector("img");
    if (img) {
      img.scrollIntoView();
      await img.decode().catch(() => {});
    }
    const bare = fig.cloneNode(true);
    bare.querySelectorAll("svg, style, img, picture").forEach(n => n.remove());
    out.push({
      figure: sec.dataset.figure,
      format: sec.dataset.format,
      src: img ? img.currentSrc : "",
      inline: [...fig.querySelectorAll(".presschart-r")].filter(d => getComputedStyle(d).display !== "none").map(d => d.querySelector("svg").getAttribute("aria-labelledby").split(" ")[0].replace(/-title$/, "")),
      width: fig.getBoundingClientRect().width,
      text: bare.textContent.trim(),
    });
  }
  window.scrollTo(0, 0);
  return out;
})()`

// TestEmbedsInBrowser: at 375 and 1280 px, light and dark, every figure
// of the story loads the rendition it should (currentSrc), is no wider
// than the viewport, repeats none of the image's text, and the page asks
// for nothing outside its folder; the inline snippets show one SVG each,
// the right one, with ids unique on the page; and what the browser draws
// is the PNG it should show.
func TestEmbedsInBrowser(t *testing.T) {
	ctx := browser(t)
	dir := t.TempDir()
	// Beside the story, on the same page, a figure whose snippet has
	// other rules: dark itself, with no light rendition, and a phone's.
	other := filepath.Join(t.TempDir(), "other.toml")
	if err := os.WriteFile(other, []byte(otherFigure), 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	if code := run([]string{"-q", "-o", dir, "data.toml", other}, io.Discard, &stderr); code != 0 {
		t.Fatalf("rendering the story: %d\n%s", code, stderr.String())
	}
	titles := map[string]string{}
	m := readManifest(t, dir)
	for _, f := range m.Figures {
		if f.RenditionOf == "" {
			titles[f.ID] = f.Title
		}
	}
	var mu sync.Mutex
	var requests []string
	page := "file://" + filepath.ToSlash(filepath.Join(dir, indexName))
	for _, c := range []embedCase{{375, 3, "light", true}, {375, 3, "dark", true}, {1280, 2, "light", false}, {1280, 2, "dark", false}, {1280, 1, "light", false}} {
		t.Run(c.String(), func(t *testing.T) {
			// A tab of its own: a fresh page at the case's size and scheme.
			ctx, cancel := chromedp.NewContext(ctx)
			defer cancel()
			if err := chromedp.Listen(ctx, func(ev any) {
				if e, ok := ev.(*network.EventRequestWillBeSent); ok {
					mu.Lock()
					requests = append(requests, e.Request.URL)
					mu.Unlock()
				}
			}); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: c.width, Height: 900, DeviceScaleFactor: c.dpr, Mobile: c.mobile}); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: c.scheme}}}); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
				t.Fatal(err)
			}
			got, err := chromedp.Run(ctx, chromedp.Evaluate[[]shown](inspectJS, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 2*len(titles) {
				t.Fatalf("the page shows %d snippets; want %d (html and inline for %d figures)", len(got), 2*len(titles), len(titles))
			}
			for _, s := range got {
				id := s.Figure
				want := c.want(id)
				switch s.Format {
				case "html":
					if base := filepath.Base(s.Src); base != want+".png" {
						t.Errorf("%s: the browser loaded %s; want %s.png", id, base, want)
					}
				case "inline":
					// The inline snippet has one SVG per breakpoint and scheme, at the figure's density.
					w := strings.TrimSuffix(strings.TrimSuffix(want, "-3x"), "-1x")
					if len(s.Inline) != 1 || s.Inline[0] != w {
						t.Errorf("%s: the inline snippet shows %v; want [%s]", id, s.Inline, w)
					}
				}
				if s.Width > float64(c.width) {
					t.Errorf("%s %s: the figure is %.0f px wide, wider than the %d px viewport", id, s.Format, s.Width, c.width)
				}
				if s.Text != "" && (strings.Contains(titles[id], s.Text) || strings.Contains(s.Text, titles[id])) {
					t.Errorf("%s %s: the snippet's text %q repeats the image's title", id, s.Format, s.Text)
				}
			}
			ids, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("[id]")].map(e => e.id)`))
			if err != nil {
				t.Fatal(err)
			}
			seen := map[string]bool{}
			for _, id := range ids {
				if seen[id] {
					t.Errorf("the id %q appears twice on the page", id)
				}
				seen[id] = true
			}
			// What the browser draws is the PNG it should show, scaled to
			// the column.
			for _, id := range []string{"nepal-drop", "killed-waffle"} {
				sel := "#index-html-" + id + " img"
				// Loaded, decoded and painted, whatever the lazy loading did.
				ready := `(async () => { const img = document.querySelector("` + sel + `"); img.scrollIntoView(); await img.decode();
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))); return img.naturalWidth > 0; })()`
				if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](ready, chromedp.EvalAwaitPromise)); err != nil || !ok {
					t.Fatalf("%s: the image did not load: %v", id, err)
				}
				shot, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(sel)))
				if err != nil {
					t.Fatal(err)
				}
				if d, err := pngDiff(shot, filepath.Join(dir, c.want(id)+".png")); err != nil {
					t.Error(err)
				} else if d > 6 {
					os.WriteFile(filepath.Join(os.TempDir(), "presschart-"+c.String()+"-"+id+".got.png"), shot, 0o644)
					t.Errorf("%s: the screenshot differs from %s.png by %.1f levels on average (the screenshot: %s)", id, c.want(id), d, filepath.Join(os.TempDir(), "presschart-"+c.String()+"-"+id+".got.png"))
				}
			}
		})
	}
	prefix := "file://" + filepath.ToSlash(dir) + "/"
	for _, u := range requests {
		if !strings.HasPrefix(u, prefix) {
			t.Errorf("the page asked for %s, outside its folder", u)
		}
	}
	if len(requests) == 0 {
		t.Error("no requests were seen; the test cannot tell where the page looked")
	}
}

// pngDiff is the mean absolute difference, in levels of 255 per channel,
// between a screenshot and a PNG file scaled to its size.
func pngDiff(shot []byte, file string) (float64, error) {
	a, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		return 0, fmt.Errorf("the screenshot: %v", err)
	}
	fh, err := os.Open(file)
	if err != nil {
		return 0, err
	}
	defer fh.Close()
	b, err := png.Decode(fh)
	if err != nil {
		return 0, fmt.Errorf("%s: %v", file, err)
	}
	r := a.Bounds()
	if math.Abs(float64(r.Dx())/float64(r.Dy())-float64(b.Bounds().Dx())/float64(b.Bounds().Dy())) > 0.02 {
		return 0, fmt.Errorf("the screenshot is %dx%d, not the shape of %s (%dx%d)", r.Dx(), r.Dy(), filepath.Base(file), b.Bounds().Dx(), b.Bounds().Dy())
	}
	scaled := image.NewRGBA(r)
	draw.CatmullRom.Scale(scaled, r, b, b.Bounds(), draw.Src, nil)
	var sum float64
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			p, q := a.At(x, y), scaled.At(x, y)
			pr, pg, pb, _ := p.RGBA()
			qr, qg, qb, _ := q.RGBA()
			sum += math.Abs(float64(pr)-float64(qr)) + math.Abs(float64(pg)-float64(qg)) + math.Abs(float64(pb)-float64(qb))
		}
	}
	return sum / float64(3*r.Dx()*r.Dy()) / 257, nil
}

// TestPreviewInBrowser drives the preview page as a desk uses it: load it,
// save the TOML file with a new title and see the new figure within a
// second (the page is told by its event stream, with no polling), save a
// broken file and see the error with its line over the last good figure,
// then save a good one and see the page recover.
func TestPreviewInBrowser(t *testing.T) {
	ctx := browser(t)
	dir := t.TempDir()
	toml := filepath.Join(dir, "story.toml")
	good := func(title string) string {
		return "[[figure]]\nid = \"counts\"\ntype = \"bar\"\ntitle = \"" + title + "\"\n" +
			"data = [ { label = \"Nepal\", value = 15000 }, { label = \"India\", value = 4000 } ]\nembed = [\"mobile\", \"article\"]\n"
	}
	os.WriteFile(toml, []byte(good("Recruits by country")), 0o644)
	srv := httptest.NewUnstartedServer(nil)
	srv.Start()
	defer srv.Close()
	p := newPreview(&options{out: filepath.Join(dir, "out"), jobs: 2, quiet: true}, []string{toml}, strings.TrimPrefix(srv.URL, "http://"), io.Discard)
	srv.Config.Handler = p
	pctx, stop := context.WithCancel(context.Background())
	runPreview(t, pctx, stop, p)

	tab, cancel := chromedp.NewContext(ctx)
	defer cancel()
	if err := chromedp.Do(tab, chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	// shows waits until the page shows what js returns true for, and says
	// how long it took.
	shows := func(what, js string) time.Duration {
		t.Helper()
		start := time.Now()
		ok, err := chromedp.Run(tab, chromedp.Evaluate[bool](`new Promise(done => {
			const test = () => { try { return `+js+` } catch (e) { return false } };
			const t0 = Date.now();
			const tick = () => test() ? done(true) : Date.now() - t0 > 5000 ? done(false) : requestAnimationFrame(tick);
			tick();
		})`, chromedp.EvalAwaitPromise))
		if err != nil || !ok {
			html, _ := chromedp.Run(tab, chromedp.Evaluate[string](`document.querySelector("main").innerText`))
			t.Fatalf("the page does not show %s (%v); it shows:\n%.2000s", what, err, html)
		}
		return time.Since(start)
	}
	loaded := `[...document.querySelectorAll("section.fig img")].every(i => i.complete && i.naturalWidth > 0)`
	shows("the figure", `document.querySelector("#fig-counts .title").textContent === "Recruits by country" && `+loaded)
	n, _ := chromedp.Run(tab, chromedp.Evaluate[int](`document.querySelectorAll("#fig-counts img").length`))
	if n != 4 {
		t.Errorf("%d images; want the PNG and SVG of the figure and of its mobile rendition", n)
	}

	os.WriteFile(toml, []byte(good("Recruits from Nepal and India")), 0o644)
	took := shows("the new title and its images", `document.querySelector("#fig-counts .title").textContent === "Recruits from Nepal and India" && `+
		`document.querySelector("#fig-counts img").src.includes("?v=") && `+loaded)
	bound := time.Second
	if raceEnabled {
		bound = 4 * time.Second // the race detector's build, not the one people run
	}
	if took > bound {
		t.Errorf("the page took %s to show a save; want under %s", took, bound)
	}
	t.Logf("a save reached the page in %s", took.Round(time.Millisecond))

	os.WriteFile(toml, []byte(strings.Replace(good("Broken"), "type = \"bar\"", "type = \"barr\"", 1)), 0o644)
	shows("the error with its line", `!document.querySelector("#errors").hidden && document.querySelector("#errors").innerText.includes("story.toml:3:1") && `+
		`document.querySelector("#errors").innerText.includes('did you mean "bar"')`)
	if title, _ := chromedp.Run(tab, chromedp.Evaluate[string](`document.querySelector("#fig-counts .title").textContent`)); title != "Recruits from Nepal and India" {
		t.Errorf("under the error the page shows %q, not the last good figure", title)
	}

	os.WriteFile(toml, []byte(good("Recovered")), 0o644)
	shows("the recovery", `document.querySelector("#errors").hidden && document.querySelector("#fig-counts .title").textContent === "Recovered" && `+loaded)
}
