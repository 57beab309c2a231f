package deploy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// obj is a decoded YAML mapping.
type obj = map[string]any

// manifest is one YAML document of a file under deploy/.
type manifest struct {
	file string
	obj
}

// get follows a path of keys and list indexes through a decoded document;
// it fails the test when the path does not exist.
func get(t *testing.T, o any, path ...any) any {
	t.Helper()
	cur := o
	for i, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := cur.(obj)
			if !ok {
				t.Fatalf("%v: not a mapping at %v", path, path[:i])
			}
			if cur, ok = m[k]; !ok {
				t.Fatalf("%v: no %q", path, k)
			}
		case int:
			l, ok := cur.([]any)
			if !ok || k >= len(l) {
				t.Fatalf("%v: no item %d", path, k)
			}
			cur = l[k]
		}
	}
	return cur
}

// decodeAll decodes every document of a YAML file.
func decodeAll(t *testing.T, path string) []obj {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var docs []obj
	for {
		var o obj
		err := dec.Decode(&o)
		if errors.Is(err, io.EOF) {
			return docs
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if o != nil {
			docs = append(docs, o)
		}
	}
}

// manifests returns every Kubernetes object under deploy/, by kind.
func manifests(t *testing.T) map[string][]manifest {
	t.Helper()
	byKind := make(map[string][]manifest)
	paths, err := filepath.Glob("*/*.yaml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no manifests: %v", err)
	}
	for _, path := range paths {
		for _, o := range decodeAll(t, path) {
			kind, _ := o["kind"].(string)
			if kind == "" || o["apiVersion"] == nil {
				t.Errorf("%s: a document without kind or apiVersion", path)
			}
			byKind[kind] = append(byKind[kind], manifest{path, o})
		}
	}
	return byKind
}

func one(t *testing.T, byKind map[string][]manifest, kind string) manifest {
	t.Helper()
	if len(byKind[kind]) != 1 {
		t.Fatalf("want one %s, have %d", kind, len(byKind[kind]))
	}
	return byKind[kind][0]
}

func TestManifestKinds(t *testing.T) {
	byKind := manifests(t)
	var kinds []string
	for k, ms := range byKind {
		kinds = append(kinds, fmt.Sprintf("%s×%d", k, len(ms)))
	}
	sort.Strings(kinds)
	want := []string{"Deployment×1", "HorizontalPodAutoscaler×1", "Job×1", "Kustomization×2", "PersistentVolumeClaim×1", "Service×1"}
	if !slices.Equal(kinds, want) {
		t.Errorf("kinds %v, want %v", kinds, want)
	}
}

// TestKustomizationsListEveryFile makes sure `kubectl apply -k` applies
// every manifest of its folder and names the image the pods use.
func TestKustomizationsListEveryFile(t *testing.T) {
	for _, k := range manifests(t)["Kustomization"] {
		dir := filepath.Dir(k.file)
		files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
		var want []string
		for _, f := range files {
			if filepath.Base(f) != "kustomization.yaml" {
				want = append(want, filepath.Base(f))
			}
		}
		var got []string
		for _, r := range get(t, k.obj, "resources").([]any) {
			got = append(got, r.(string))
		}
		sort.Strings(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: resources %v, want every manifest of the folder %v", k.file, got, want)
		}
		if name := get(t, k.obj, "images", 0, "name"); name != imageName {
			t.Errorf("%s: image %v, want %s", k.file, name, imageName)
		}
	}
}

// imageName is the image every pod runs; the kustomizations map it to a
// registry.
const imageName = "annexgen"

// TestPodsRunAsNonRoot checks every pod template: the image, the user of the
// Dockerfile, no privilege, a read-only root with a writable /tmp.
func TestPodsRunAsNonRoot(t *testing.T) {
	byKind := manifests(t)
	uid := dockerfileUser(t)
	for _, kind := range []string{"Deployment", "Job"} {
		m := one(t, byKind, kind)
		pod := get(t, m.obj, "spec", "template", "spec")
		if get(t, pod, "securityContext", "runAsNonRoot") != true || fmt.Sprint(get(t, pod, "securityContext", "runAsUser")) != uid {
			t.Errorf("%s: pod securityContext %v, want runAsNonRoot and runAsUser %s (the Dockerfile's USER)", kind, get(t, pod, "securityContext"), uid)
		}
		if get(t, pod, "automountServiceAccountToken") != false {
			t.Errorf("%s: mounts a service account token it does not need", kind)
		}
		c := get(t, pod, "containers", 0)
		if get(t, c, "image") != imageName {
			t.Errorf("%s: image %v, want %s", kind, get(t, c, "image"), imageName)
		}
		sc := get(t, c, "securityContext")
		if get(t, sc, "allowPrivilegeEscalation") != false || get(t, sc, "readOnlyRootFilesystem") != true ||
			!slices.Equal(get(t, sc, "capabilities", "drop").([]any), []any{"ALL"}) {
			t.Errorf("%s: container securityContext %v", kind, sc)
		}
		var mountsTmp bool
		for _, v := range get(t, c, "volumeMounts").([]any) {
			mountsTmp = mountsTmp || get(t, v, "mountPath") == "/tmp"
		}
		if !mountsTmp {
			t.Errorf("%s: no writable /tmp under a read-only root", kind)
		}
	}
}

func TestServeDeployment(t *testing.T) {
	byKind := manifests(t)
	d := one(t, byKind, "Deployment")
	c := get(t, d.obj, "spec", "template", "spec", "containers", 0)
	port := get(t, c, "ports", 0)
	if get(t, port, "name") != "http" || fmt.Sprint(get(t, port, "containerPort")) != dockerfileExpose(t) {
		t.Errorf("port %v, want http on the Dockerfile's EXPOSE %s", port, dockerfileExpose(t))
	}
	if args := fmt.Sprint(get(t, c, "args")); args != fmt.Sprint(dockerfileCmd(t)) {
		t.Errorf("args %s, want the Dockerfile's CMD %v", args, dockerfileCmd(t))
	}
	for _, probe := range []string{"readinessProbe", "livenessProbe"} {
		if get(t, c, probe, "httpGet", "path") != "/healthz" || get(t, c, probe, "httpGet", "port") != "http" {
			t.Errorf("%s: %v, want GET /healthz on port http", probe, get(t, c, probe))
		}
	}
	labels := get(t, d.obj, "spec", "template", "metadata", "labels").(obj)
	if sel := get(t, d.obj, "spec", "selector", "matchLabels").(obj); !subset(sel, labels) {
		t.Errorf("selector %v does not select the pods %v", sel, labels)
	}

	s := one(t, byKind, "Service")
	if sel := get(t, s.obj, "spec", "selector").(obj); !subset(sel, labels) {
		t.Errorf("Service selector %v does not select the pods %v", sel, labels)
	}
	if get(t, s.obj, "spec", "ports", 0, "targetPort") != "http" {
		t.Errorf("Service targetPort %v, want http", get(t, s.obj, "spec", "ports", 0, "targetPort"))
	}

	h := one(t, byKind, "HorizontalPodAutoscaler")
	ref := get(t, h.obj, "spec", "scaleTargetRef")
	if get(t, ref, "kind") != "Deployment" || get(t, ref, "name") != get(t, d.obj, "metadata", "name") {
		t.Errorf("HPA scales %v, want the Deployment", ref)
	}
	lo, hi := get(t, h.obj, "spec", "minReplicas").(int), get(t, h.obj, "spec", "maxReplicas").(int)
	if lo < 2 || hi <= lo {
		t.Errorf("HPA replicas %d..%d: want at least 2, and room to grow", lo, hi)
	}
	if get(t, h.obj, "spec", "metrics", 0, "resource", "name") != "cpu" {
		t.Errorf("HPA metric %v, want cpu", get(t, h.obj, "spec", "metrics", 0))
	}
	if get(t, c, "resources", "requests", "cpu") == nil {
		t.Error("no CPU request: the HPA's utilisation has no base")
	}
}

func TestBatchJob(t *testing.T) {
	byKind := manifests(t)
	j := one(t, byKind, "Job")
	spec := get(t, j.obj, "spec")
	if get(t, spec, "completionMode") != "Indexed" {
		t.Errorf("completionMode %v, want Indexed", get(t, spec, "completionMode"))
	}
	if get(t, spec, "template", "spec", "restartPolicy") != "Never" {
		t.Error("restartPolicy must be Never for backoffLimitPerIndex")
	}
	env := jobEnv(t, j.obj)
	if env["SHARDS"] != fmt.Sprint(get(t, spec, "completions")) {
		t.Errorf("SHARDS=%s but completions %v: some workbooks would be left out or done twice", env["SHARDS"], get(t, spec, "completions"))
	}
	claim := get(t, spec, "template", "spec", "volumes", 0, "persistentVolumeClaim", "claimName")
	pvc := one(t, byKind, "PersistentVolumeClaim")
	if claim != get(t, pvc.obj, "metadata", "name") || !slices.Contains(get(t, pvc.obj, "spec", "accessModes").([]any), any("ReadWriteMany")) {
		t.Errorf("the Job mounts %v; want the ReadWriteMany claim of %s", claim, pvc.file)
	}
	for _, k := range []string{"INPUT_DIR", "OUTPUT_DIR", "REPORT_DIR"} {
		if !strings.HasPrefix(env[k], "/data/") {
			t.Errorf("%s=%q is not on the shared volume /data", k, env[k])
		}
	}
}

// jobEnv returns the environment the Job's container sets.
func jobEnv(t *testing.T, job obj) map[string]string {
	t.Helper()
	env := make(map[string]string)
	for _, e := range get(t, job, "spec", "template", "spec", "containers", 0, "env").([]any) {
		env[get(t, e, "name").(string)] = get(t, e, "value").(string)
	}
	return env
}

func subset(small, big obj) bool {
	for k, v := range small {
		if big[k] != v {
			return false
		}
	}
	return len(small) > 0
}
