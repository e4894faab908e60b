package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDockerfile builds the image and renders the story with it, where a
// Docker engine answers; it says so and skips where none does (docker's
// client alone is not enough), or under -short.
func TestDockerfile(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped under -short: builds an image")
	}
	docker, err := exec.LookPath("docker")
	if err != nil {
		t.Skip("skipped: no docker on PATH")
	}
	if out, err := exec.Command(docker, "info", "--format", "{{.ServerVersion}}").CombinedOutput(); err != nil {
		t.Skipf("skipped: no Docker engine answers (%v: %.200s)", err, out)
	}
	head, _ := exec.Command("git", "rev-parse", "HEAD").Output()
	if out, err := exec.Command(docker, "build", "--build-arg", "COMMIT="+strings.TrimSpace(string(head)), "-t", "presschart-test", ".").CombinedOutput(); err != nil {
		t.Fatalf("docker build: %v\n%s", err, out)
	}
	dir := t.TempDir()
	story, _ := os.ReadFile("data.toml")
	os.WriteFile(filepath.Join(dir, "data.toml"), story, 0o644)
	// As README says: the container runs as the folder's owner.
	cmd := exec.Command(docker, "run", "--rm", "--user", fmt.Sprintf("%d:%d", os.Getuid(), os.Getgid()), "-v", dir+":/work", "presschart-test", "-q", "-f", "png")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("docker run: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "nepal-drop.png")); err != nil {
		t.Errorf("the container wrote no out/nepal-drop.png: %v", err)
	}
	out, err := exec.Command(docker, "run", "--rm", "presschart-test", "--version").Output()
	if err != nil || len(head) > 0 && !strings.Contains(string(out), strings.TrimSpace(string(head))) {
		t.Errorf("the image's --version does not name the commit: %v\n%s", err, out)
	}
}
