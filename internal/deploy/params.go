package deploy

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/enclave-dev/enclave/internal/model"
)

// SecureSources are where secure parameter values (and those of other
// parameters without a default) may come from, in order: the environment,
// a parameters file kept outside the repository, an interactive prompt.
// Never the command line, which shell history and process listings keep.
type SecureSources struct {
	Getenv func(string) string
	// File is an ARM parameters file ({"parameters": {"name": {"value": ...}}}).
	File string
	// Repo is the root of the repository holding the spec; File must lie
	// outside it so a secret is never committed. "" skips the check.
	Repo string
	// Prompt asks for a value without echoing it; nil when there is no
	// terminal.
	Prompt func(p model.Parameter) (string, error)
}

// EnvName is the environment variable that holds a secure parameter:
// vpnSharedKey is ENCLAVE_PARAM_VPN_SHARED_KEY.
func EnvName(param string) string {
	var b strings.Builder
	b.WriteString("ENCLAVE_PARAM_")
	for i, r := range param {
		if unicode.IsUpper(r) && i > 0 {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

// MissingSecretsError lists parameters no source gave.
type MissingSecretsError struct{ Names []string }

func (e *MissingSecretsError) Error() string {
	vars := make([]string, len(e.Names))
	for i, n := range e.Names {
		vars[i] = EnvName(n)
	}
	return fmt.Sprintf("no value for parameters %s: set %s, pass --parameters FILE (outside the repository), or run on a terminal to be asked",
		strings.Join(e.Names, ", "), strings.Join(vars, ", "))
}

// ResolveParameters returns values for the parameters among params that
// need one and have none in have: secure parameters, and the others
// without a default. Values are never printed or logged; errors name
// parameters only.
func ResolveParameters(params []model.Parameter, have map[string]any, src SecureSources) (map[string]any, error) {
	fromFile := map[string]any{}
	if src.File != "" {
		if err := outsideRepo(src.File, src.Repo); err != nil {
			return nil, err
		}
		v, err := ReadParameters(src.File)
		if err != nil {
			return nil, err
		}
		fromFile = v
	}
	out := map[string]any{}
	var missing []string
	for _, p := range params {
		if _, ok := have[p.Name]; ok || (!p.Secure && p.Default != "") {
			continue
		}
		if src.Getenv != nil {
			if v := src.Getenv(EnvName(p.Name)); v != "" {
				out[p.Name] = v
				continue
			}
		}
		if v, ok := fromFile[p.Name]; ok {
			out[p.Name] = v
			continue
		}
		if src.Prompt != nil {
			v, err := src.Prompt(p)
			if err != nil {
				return nil, fmt.Errorf("reading %s: %w", p.Name, err)
			}
			if v != "" {
				out[p.Name] = v
				continue
			}
		}
		missing = append(missing, p.Name)
	}
	if len(missing) > 0 {
		return nil, &MissingSecretsError{Names: missing}
	}
	return out, nil
}

// ReadParameters reads the values of an ARM parameters file. Key Vault
// references are not supported here: enclave's template reads vault
// secrets itself.
func ReadParameters(file string) (map[string]any, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	v, err := ReadParametersJSON(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return v, nil
}

// ReadParametersJSON reads the values of ARM parameters file contents.
func ReadParametersJSON(b []byte) (map[string]any, error) {
	var doc struct {
		Parameters map[string]struct {
			Value any `json:"value"`
		} `json:"parameters"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		// The parse error can quote the file; never echo a secret's bytes.
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("not a JSON parameters file (syntax error at byte %d)", se.Offset)
		}
		return nil, errors.New("not an ARM parameters file")
	}
	out := map[string]any{}
	for k, v := range doc.Parameters {
		if v.Value != nil {
			out[k] = v.Value
		}
	}
	return out, nil
}

// ErrParametersInRepo refuses a secrets file inside the repository.
var ErrParametersInRepo = errors.New("the parameters file is inside the repository: keep secrets outside it so they are never committed")

func outsideRepo(file, repo string) error {
	if repo == "" {
		return nil
	}
	f, err := filepath.Abs(file)
	if err != nil {
		return err
	}
	if r, err := filepath.EvalSymlinks(filepath.Dir(f)); err == nil {
		f = filepath.Join(r, filepath.Base(f))
	}
	root, err := filepath.Abs(repo)
	if err != nil {
		return err
	}
	if r, err := filepath.EvalSymlinks(root); err == nil {
		root = r
	}
	rel, err := filepath.Rel(root, f)
	if err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return fmt.Errorf("%s: %w", file, ErrParametersInRepo)
	}
	return nil
}

// RepoRoot returns the nearest directory at or above dir holding .git,
// or "" when there is none.
func RepoRoot(dir string) string {
	d, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}
