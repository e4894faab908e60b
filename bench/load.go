//go:build ignore

// load drives a running render service (presschart serve --api) with
// concurrent clients, each posting a TOML file and asking for one of its
// figures in turn, and prints requests per second and latency
// percentiles, a line per round, so that memory can be read between
// rounds: go run bench/load.go -url http://127.0.0.1:8080/ -file data.toml
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"regexp"
	"slices"
	"sync"
	"time"
)

func main() {
	url := flag.String("url", "", "the service's address")
	file := flag.String("file", "data.toml", "the TOML file to post")
	format := flag.String("format", "png", "the format to ask for")
	clients := flag.Int("c", 8, "concurrent clients")
	rounds := flag.Int("rounds", 3, "rounds")
	each := flag.Duration("d", 10*time.Second, "length of a round")
	rss := flag.Int("pid", 0, "the service's process, to print its resident memory after each round")
	flag.Parse()
	body, err := os.ReadFile(*file)
	if err != nil {
		fail(err)
	}
	// The figures that are not renditions: their ids, in file order.
	var ids []string
	for _, m := range regexp.MustCompile(`(?m)^id\s*=\s*"([a-z0-9-]+)"`).FindAllSubmatch(body, -1) {
		ids = append(ids, string(m[1]))
	}
	if len(ids) == 0 {
		fail(fmt.Errorf("%s has no figure ids", *file))
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: *clients}}
	fmt.Printf("%d clients posting %s (%d KB), %s of its %d figures in turn\n", *clients, *file, len(body)>>10, *format, len(ids))
	for r := 1; r <= *rounds; r++ {
		var mu sync.Mutex
		var lat []time.Duration
		var bad, bytesOut int
		var wg sync.WaitGroup
		start := time.Now()
		stop := start.Add(*each)
		for c := 0; c < *clients; c++ {
			wg.Add(1)
			go func(c int) {
				defer wg.Done()
				for i := c; time.Now().Before(stop); i++ {
					t0 := time.Now()
					resp, err := client.Post(fmt.Sprintf("%srender?format=%s&id=%s", *url, *format, ids[i%len(ids)]), "application/toml", bytes.NewReader(body))
					n := 0
					if err == nil {
						b, _ := io.ReadAll(resp.Body)
						resp.Body.Close()
						n = len(b)
						if resp.StatusCode != 200 {
							err = fmt.Errorf("%s", resp.Status)
						}
					}
					d := time.Since(t0)
					mu.Lock()
					if err != nil {
						bad++
					} else {
						lat = append(lat, d)
						bytesOut += n
					}
					mu.Unlock()
				}
			}(c)
		}
		wg.Wait()
		took := time.Since(start)
		slices.Sort(lat)
		pct := func(p float64) time.Duration {
			if len(lat) == 0 {
				return 0
			}
			return lat[min(len(lat)-1, int(p*float64(len(lat))))]
		}
		mem := ""
		if *rss > 0 {
			mem = "; service resident " + status(*rss, "VmRSS") + ", peak " + status(*rss, "VmHWM")
		}
		fmt.Printf("round %d: %d figures in %.1f s = %.0f figures/s, p50 %.1f ms, p99 %.1f ms, %d failed%s\n",
			r, len(lat), took.Seconds(), float64(len(lat))/took.Seconds(),
			float64(pct(0.50).Microseconds())/1000, float64(pct(0.99).Microseconds())/1000, bad, mem)
	}
}

// status reads a field of /proc/PID/status ("VmRSS"), in MiB.
func status(pid int, field string) string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return "?"
	}
	m := regexp.MustCompile(field + `:\s+(\d+) kB`).FindSubmatch(b)
	if m == nil {
		return "?"
	}
	var kb int
	fmt.Sscan(string(m[1]), &kb)
	return fmt.Sprintf("%d MiB", kb>>10)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "load:", err)
	os.Exit(1)
}
