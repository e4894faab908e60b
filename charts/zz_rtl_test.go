package charts

import (
	"os"
	"path/filepath"
	"testing"
)

func TestZZRTLAll(t *testing.T) {
	if os.Getenv("ZZRTL") == "" {
		t.Skip()
	}
	os.MkdirAll("/tmp/rtl", 0o755)
	files, _ := filepath.Glob("testdata/*.toml")
	n := 0
	for _, file := range append(files, "../data.toml") {
		f, err := Load(file, "")
		if err != nil {
			t.Fatal(err)
		}
		for _, fig := range f.Figures {
			fig.Style.Direction = "rtl"
			for _, fd := range fig.findings(fig.Scene()) {
				t.Logf("%s %s: %s: %s", filepath.Base(file), fig.ID, fd.Rule, fd.What)
			}
			if n < 400 {
				outs, err := fig.RenderFiles([]string{"png"})
				if err == nil {
					os.WriteFile("/tmp/rtl/"+filepath.Base(file)+"-"+fig.ID+".png", outs[0].Data(), 0o644)
				}
			}
			n++
		}
	}
}
