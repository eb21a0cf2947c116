package langhost

import (
	"fmt"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// Options are a project's `runtime.options` (Pulumi.yaml, PulumiPolicy.yaml, PulumiPlugin.yaml) as the engine sends
// them, read one typed option at a time so that a wrong one is named with its value and where to fix it.
type Options struct {
	raw  map[string]any
	file string
}

// OptionsOf reads the runtime options of the program or plugin info describes.
func OptionsOf(info *pulumirpc.ProgramInfo) Options {
	raw := map[string]any{}
	if info.GetOptions() != nil {
		raw = info.GetOptions().AsMap()
	}
	return Options{raw: raw, file: info.GetRootDirectory() + "/Pulumi.yaml"}
}

// Wrong is the error for option name holding value where want was expected.
func (o Options) Wrong(name string, value any, want string) error {
	return fmt.Errorf("runtime option %q is %v (%T); it must be %s - fix runtime.options in %s", name, value, value, want, o.file)
}

// String is option name when set ("" and false when it is not); anything but a string is an error.
func (o Options) String(name, want string) (string, bool, error) {
	v, ok := o.raw[name]
	if !ok {
		return "", false, nil
	}
	s, isString := v.(string)
	if !isString {
		return "", false, o.Wrong(name, v, want)
	}
	return s, true, nil
}

// OneOf is option name when set, which must be one of choices; fallback when it is not set.
func (o Options) OneOf(name, fallback string, choices ...string) (string, error) {
	want := fmt.Sprintf("one of %q", choices)
	s, ok, err := o.String(name, want)
	if err != nil || !ok {
		return fallback, err
	}
	for _, c := range choices {
		if s == c {
			return s, nil
		}
	}
	return "", o.Wrong(name, s, want)
}
