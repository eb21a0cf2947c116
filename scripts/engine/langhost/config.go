package langhost

import (
	"encoding/json"
	"fmt"
	"sort"
)

// ConfigEnv is the program's stack config as the language SDKs read it from their environment: PULUMI_CONFIG, a
// JSON object of `namespace:key` to value (secrets decrypted), and PULUMI_CONFIG_SECRET_KEYS, the JSON list of
// the keys that are secret, so the SDK hands them to the program as secret outputs.
func ConfigEnv(config map[string]string, secretKeys []string) ([]string, error) {
	if config == nil {
		config = map[string]string{}
	}
	values, err := json.Marshal(config)
	if err != nil {
		return nil, fmt.Errorf("encoding the stack config: %w", err)
	}
	keys := append([]string{}, secretKeys...)
	sort.Strings(keys)
	secrets, err := json.Marshal(keys)
	if err != nil {
		return nil, fmt.Errorf("encoding the stack config's secret keys: %w", err)
	}
	return []string{"PULUMI_CONFIG=" + string(values), "PULUMI_CONFIG_SECRET_KEYS=" + string(secrets)}, nil
}
