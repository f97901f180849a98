package isoltest

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/soll-dev/soll/abi"
	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/vm"
)

// SolcOutput is what solc made of one semantic test: the corpus's
// `<test>.solc.json` (README "The .solc.json of a semantic test").
type SolcOutput struct {
	EVMVersion string   `json:"evmVersion"`
	Deploy     string   `json:"deploy"`
	Sources    []string `json:"sources"`
	MainSource string   `json:"mainSource"`
	Pipelines  []string `json:"pipelines"`
	Libraries  []struct {
		Name   string `json:"name"`
		Source string `json:"source"`
	} `json:"libraries"`
	Contracts map[string]*SolcContract `json:"contracts"`
}

// SolcContract is one contract, interface or library of a SolcOutput.
type SolcContract struct {
	ABI    json.RawMessage   `json:"abi"`
	Hashes map[string]string `json:"hashes"`
	// Bytecode in hex, nil when the pipeline failed: legacy ("bin") and
	// via-IR ("bin-via-ir"), creation and runtime.
	Bin             *string `json:"bin"`
	BinRuntime      *string `json:"bin-runtime"`
	BinViaIR        *string `json:"bin-via-ir"`
	BinRuntimeViaIR *string `json:"bin-runtime-via-ir"`
	// LinkReferences: "bin-via-ir" etc. → source → library → places.
	LinkReferences map[string]LinkReferences `json:"linkReferences"`
	// IR and IROptimized are the IR files, relative to the corpus folder.
	IR          string `json:"ir"`
	IROptimized string `json:"irOptimized"`
}

// LinkReferences maps source → library → the places of its address.
type LinkReferences map[string]map[string][]struct {
	Start  int `json:"start"`
	Length int `json:"length"`
}

// LoadSolcOutput reads a .solc.json file.
func LoadSolcOutput(path string) (*SolcOutput, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var o SolcOutput
	if err := json.Unmarshal(data, &o); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return &o, nil
}

// LibraryContract resolves the key of a `library:` line ("<file>:<Name>")
// to a contract key: like solc's test framework, the first "<source>:Name"
// in sorted order, whatever file was written.
func (o *SolcOutput) LibraryContract(key string) (string, bool) {
	name := key[strings.LastIndexByte(key, ':')+1:]
	var keys []string
	for k := range o.Contracts {
		if strings.HasSuffix(k, ":"+name) && !strings.Contains(k[:len(k)-len(name)-1], ":") {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return "", false
	}
	sort.Strings(keys)
	return keys[0], true
}

// EventDecls lists the events of every contract (indexed parameters
// marked), for Env.Events.
func (o *SolcOutput) EventDecls() []string {
	keys := make([]string, 0, len(o.Contracts))
	for k := range o.Contracts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []string
	for _, k := range keys {
		if len(o.Contracts[k].ABI) == 0 {
			continue
		}
		entries, err := abi.ParseJSON(o.Contracts[k].ABI)
		if err != nil {
			continue
		}
		out = append(out, EventDecls(entries)...)
	}
	return out
}

var placeholder = regexp.MustCompile(`__\$[0-9a-fA-F]{34}\$__`)

// LibraryPlaceholder is solc's placeholder for library key ("<source>:<Name>"):
// "__$" + the first 34 hex digits of keccak256(key) + "$__".
func LibraryPlaceholder(key string) string {
	h := abi.Keccak256([]byte(key))
	return "__$" + hex.EncodeToString(h[:])[:34] + "$__"
}

// Link replaces the library placeholders in hexCode by the addresses in
// libs (keys "<source>:<Name>") and decodes it. Every placeholder must be
// resolved.
func Link(hexCode string, libs map[string]common.Address) ([]byte, error) {
	code := hexCode
	for key, addr := range libs {
		code = strings.ReplaceAll(code, LibraryPlaceholder(key), hex.EncodeToString(addr[:]))
	}
	if m := placeholder.FindString(code); m != "" {
		return nil, fmt.Errorf("unlinked library placeholder %s (libraries known: %v)", m, sortedKeys(libs))
	}
	b, err := hex.DecodeString(strings.TrimPrefix(code, "0x"))
	if err != nil {
		return nil, fmt.Errorf("bad bytecode hex: %v", err)
	}
	return b, nil
}

func sortedKeys(m map[string]common.Address) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// ViaIREnv is an Env that runs solc's own via-IR bytecode ("bin-via-ir")
// from o on chain: it validates the runner and the chain against solc.
func (o *SolcOutput) ViaIREnv(chain vm.Chain, v evmversion.Version) (Env, error) {
	c, ok := o.Contracts[o.Deploy]
	if !ok {
		return Env{}, fmt.Errorf("deployed contract %q not in solc output", o.Deploy)
	}
	return Env{
		Chain:      chain,
		EVMVersion: v,
		Events:     o.EventDecls(),
		CreationCode: func(libs map[string]common.Address) ([]byte, error) {
			if c.BinViaIR == nil {
				return nil, fmt.Errorf("solc's via-IR pipeline failed for %s", o.Deploy)
			}
			return Link(*c.BinViaIR, libs)
		},
		LibraryCode: func(name string, libs map[string]common.Address) ([]byte, error) {
			key, ok := o.LibraryContract(name)
			if !ok {
				return nil, fmt.Errorf("library %s not in solc output", name)
			}
			lc := o.Contracts[key]
			if lc.BinViaIR == nil {
				return nil, fmt.Errorf("solc's via-IR pipeline failed for %s", key)
			}
			return Link(*lc.BinViaIR, libs)
		},
	}, nil
}
