package langhost

import (
	"context"
	"errors"
	"sync"

	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/emptypb"
)

// Base answers the LanguageRuntime calls that are the same in every language and keeps what they share: the
// engine's address and the cancellation the engine asks for with Cancel. Calls no language of ours implements
// (Pack, RunPlugin2) answer Unimplemented through the embedded server, which the engine treats as "not offered".
type Base struct {
	pulumirpc.UnimplementedLanguageRuntimeServer

	mu            sync.Mutex
	engineAddress string

	// Cancelled is done once the engine has called Cancel: running programs and plugins are interrupted.
	Cancelled context.Context
	cancel    context.CancelFunc
}

// NewBase returns a Base for a host started with engineAddress ("" when started by hand: Handshake gives it).
func NewBase(engineAddress string) *Base {
	ctx, cancel := context.WithCancel(context.Background())
	return &Base{engineAddress: engineAddress, Cancelled: ctx, cancel: cancel}
}

// EngineAddress is the engine's gRPC address, from the command line or from Handshake.
func (b *Base) EngineAddress() (string, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.engineAddress == "" {
		return "", errors.New("the engine's address is unknown: a language host started by hand needs Handshake before Run")
	}
	return b.engineAddress, nil
}

// Handshake is how an engine that attaches to a running host tells it where the engine is.
func (b *Base) Handshake(_ context.Context, req *pulumirpc.LanguageHandshakeRequest) (*pulumirpc.LanguageHandshakeResponse, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.engineAddress = req.GetEngineAddress()
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

// GetPluginInfo reports the Pulumi version this host was built at (stamped by scripts/engine/build.sh).
func (b *Base) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version.Version}, nil
}

// Cancel interrupts every program and plugin this host is running (the engine calls it on Ctrl-C).
func (b *Base) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	b.cancel()
	return &emptypb.Empty{}, nil
}

// RuntimeOptionsPrompts asks `pulumi new` nothing more: every option has a default.
func (b *Base) RuntimeOptionsPrompts(context.Context, *pulumirpc.RuntimeOptionsRequest) (*pulumirpc.RuntimeOptionsResponse, error) {
	return &pulumirpc.RuntimeOptionsResponse{}, nil
}

// Template leaves a new project's files as the template wrote them.
func (b *Base) Template(context.Context, *pulumirpc.TemplateRequest) (*pulumirpc.TemplateResponse, error) {
	return &pulumirpc.TemplateResponse{}, nil
}
