// Package langhost holds what every language host of ours shares: how the engine starts one (flags, the engine
// address, the port on stdout), the calls whose answer does not depend on the language, running a program or a
// plugin as a child process, and the program's config in the environment. A language (nodejs/) adds only what is
// its own: where its runtime's entry points live, its package manager, its options in Pulumi.yaml.
//
// How the engine uses a language host (pulumi/pulumi v3.276.0, sdk/go/common/resource/plugin/langruntime_plugin.go
// and plugin.go): it execs the binary next to `pulumi` with the engine's address as the last argument (after
// optional -v/--logtostderr/--tracing), reads one line from stdout - the port - and dials it. It does not call
// Handshake then; it does when it attaches to a host started by hand (PULUMI_DEBUG_LANGUAGES).
package langhost

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/cmdutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/logging"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
)

// engineHealthInterval is how often a host checks that the engine that started it is still there; a host whose
// engine died (a `pulumi` killed with SIGKILL) stops instead of lingering.
const engineHealthInterval = 5 * time.Minute

// Main parses the flags the engine passes, serves the host newHost builds on a free loopback port, prints the port
// and serves until the engine goes away or the process is interrupted.
func Main(name string, newHost func(engineAddress string) pulumirpc.LanguageRuntimeServer) {
	// The engine passes -tracing when tracing is on; -v and -logtostderr are glog's, registered by logging.
	flag.String("tracing", "", "a Zipkin-compatible tracing endpoint (accepted; tracing is not exported)")
	flag.Parse()
	logging.InitLogging(false, 0, false)

	var engineAddress string
	if args := flag.Args(); len(args) > 0 {
		engineAddress = args[0]
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if engineAddress != "" {
		if err := rpcutil.Healthcheck(ctx, engineAddress, engineHealthInterval, stop); err != nil {
			cmdutil.Exit(fmt.Errorf("%s: could not watch the engine at %s: %w", name, engineAddress, err))
		}
	}
	cancel := make(chan bool)
	go func() {
		<-ctx.Done()
		close(cancel)
	}()

	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Cancel: cancel,
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, newHost(engineAddress))
			return nil
		},
	})
	if err != nil {
		cmdutil.Exit(fmt.Errorf("%s: could not start the language host's gRPC server: %w", name, err))
	}
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		cmdutil.Exit(fmt.Errorf("%s: the language host's gRPC server stopped: %w", name, err))
	}
}
