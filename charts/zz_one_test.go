package charts

import (
	"fmt"
	"math/rand"
	"os"
	"testing"
)

func TestZZOne(t *testing.T) {
	name := os.Getenv("ZZKIND")
	want := os.Getenv("ZZID")
	if name == "" {
		t.Skip()
	}
	rng := rand.New(rand.NewSource(int64(len(name)) * 7919))
	for i := 0; i < 400; i++ {
		id := fmt.Sprintf("%s-%d", name, i)
		src := genFigure(rng, kinds[name], id)
		if id != want {
			continue
		}
		os.WriteFile("/tmp/zz.toml", []byte(src), 0o644)
		f, err := Decode("generated.toml", []byte(src), ".")
		if err != nil {
			t.Fatal(err)
		}
		outs, err := f.Figures[0].RenderFiles([]string{"png"})
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile("/tmp/zz.png", outs[0].Data(), 0o644)
		for _, fd := range f.Figures[0].findings(f.Figures[0].Scene()) {
			t.Log(fd.Rule, fd.What)
		}
	}
}
