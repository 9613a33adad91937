package compile

import (
	"crypto/sha256"
	"encoding/base32"
	"fmt"
	"regexp"
	"strings"

	"github.com/enclave-dev/enclave/internal/model"
)

// nameRule is Azure's naming rule for one resource type.
type nameRule struct {
	min, max int
	pattern  *regexp.Regexp
	describe string
	// global names must be unique across Azure; they get a suffix.
	global bool
}

// nameRules are Azure's documented naming rules for the types enclave
// names (Learn: "Naming rules and restrictions for Azure resources").
var nameRules = map[model.Type]nameRule{
	model.TypeResourceGroup:                                 {1, 90, regexp.MustCompile(`^[-\w._()]*[-\w_()]$`), "1-90 letters, digits, '-', '_', '.', '(' or ')', not ending in '.'", false},
	"Microsoft.Storage/storageAccounts":                     {3, 24, regexp.MustCompile(`^[a-z0-9]+$`), "3-24 lowercase letters and digits", true},
	"Microsoft.KeyVault/vaults":                             {3, 24, regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9-]*[a-zA-Z0-9]$`), "3-24 letters, digits and hyphens, starting with a letter", true},
	"Microsoft.ContainerRegistry/registries":                {5, 50, regexp.MustCompile(`^[a-zA-Z0-9]+$`), "5-50 letters and digits", true},
	"Microsoft.MachineLearningServices/workspaces":          {3, 33, regexp.MustCompile(`^[a-zA-Z0-9][a-zA-Z0-9_-]*$`), "3-33 letters, digits, '-' and '_'", false},
	"Microsoft.Web/sites":                                   {2, 60, regexp.MustCompile(`^[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]$`), "2-60 letters, digits and hyphens", true},
	"Microsoft.Synapse/workspaces":                          {1, 50, regexp.MustCompile(`^[a-z0-9][a-z0-9-]*[a-z0-9]$`), "1-50 lowercase letters, digits and hyphens", true},
	"Microsoft.DataFactory/factories":                       {3, 63, regexp.MustCompile(`^[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]$`), "3-63 letters, digits and hyphens", true},
	"Microsoft.EventHub/namespaces":                         {6, 50, regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9-]*[a-zA-Z0-9]$`), "6-50 letters, digits and hyphens, starting with a letter", true},
	"Microsoft.Databricks/workspaces":                       {3, 64, regexp.MustCompile(`^[a-zA-Z0-9_-]+$`), "3-64 letters, digits, '-' and '_'", false},
	"Microsoft.ContainerService/managedClusters":            {1, 63, regexp.MustCompile(`^[a-zA-Z0-9][a-zA-Z0-9_-]*[a-zA-Z0-9]$`), "1-63 letters, digits, '-' and '_'", false},
	"Microsoft.Compute/virtualMachines":                     {1, 64, regexp.MustCompile(`^[a-zA-Z0-9][a-zA-Z0-9.-]*[a-zA-Z0-9]$`), "1-64 letters, digits, '-' and '.'", false},
	"Microsoft.OperationalInsights/workspaces":              {4, 63, regexp.MustCompile(`^[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]$`), "4-63 letters, digits and hyphens", false},
	"Microsoft.Network/virtualNetworks":                     {2, 64, regexp.MustCompile(`^[a-zA-Z0-9][a-zA-Z0-9_.-]*[a-zA-Z0-9_]$`), "2-64 letters, digits, '_', '.' and '-'", false},
	"Microsoft.Network/networkSecurityGroups":               {1, 80, regexp.MustCompile(`^[a-zA-Z0-9][a-zA-Z0-9_.-]*[a-zA-Z0-9_]$`), "1-80 letters, digits, '_', '.' and '-'", false},
	"Microsoft.StreamAnalytics/streamingjobs":               {3, 63, regexp.MustCompile(`^[a-zA-Z0-9_-]+$`), "3-63 letters, digits, '-' and '_'", false},
	"Microsoft.MachineLearningServices/workspaces/computes": {2, 48, regexp.MustCompile(`^[a-zA-Z0-9/]*[a-zA-Z][a-zA-Z0-9-]*$`), "compute names are 2-16 letters, digits and hyphens (24 for clusters)", false},
}

// Namer makes resource names: "<abbr>-<env>-<purpose>" for ordinary
// resources and "<abbr><env><purpose><suffix>" for globally unique ones, the
// suffix a hash of environment, location and purpose so names are stable
// across runs and unaffected by other resources.
type Namer struct {
	env, location string
}

// Name returns "<abbr>-<env>[-<parts>...]".
func (n Namer) Name(abbr string, parts ...string) string {
	all := append([]string{abbr, n.env}, parts...)
	return strings.Join(all, "-")
}

// Global returns a globally unique name for a type whose names allow no
// hyphens (storage, ACR) or for any type when hyphens is true.
func (n Namer) Global(abbr, purpose string, hyphens bool, maxLen int) string {
	sum := sha256.Sum256([]byte(n.env + "/" + n.location + "/" + abbr + "/" + purpose))
	suffix := strings.ToLower(base32.StdEncoding.EncodeToString(sum[:]))[:5]
	var s string
	if hyphens {
		s = strings.Join(nonEmpty(abbr, n.env, purpose, suffix), "-")
	} else {
		s = abbr + n.env + purpose + suffix
	}
	if len(s) > maxLen {
		// Shorten the purpose, never the suffix.
		cut := len(s) - maxLen
		if len(purpose) > cut {
			return n.Global(abbr, purpose[:len(purpose)-cut], hyphens, maxLen)
		}
	}
	return s
}

func nonEmpty(parts ...string) []string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// checkName validates name against the rule for typ.
func checkName(typ model.Type, name string) error {
	rule, ok := nameRules[typ]
	if !ok {
		return nil
	}
	if len(name) < rule.min || len(name) > rule.max || !rule.pattern.MatchString(name) {
		return fmt.Errorf("%s name %q breaks Azure's naming rule: %s", typ, name, rule.describe)
	}
	return nil
}

// uuidFor returns a name-based (version 5 style) UUID for the given parts,
// used as the stable name of role assignments and definitions.
func uuidFor(parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	b := sum[:16]
	b[6] = (b[6] & 0x0f) | 0x50
	b[8] = (b[8] & 0x3f) | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
