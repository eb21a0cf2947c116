package langhost

import (
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/common/constant"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// RunResult is what Run answers once a program's process has ended with code (err: it could not be started).
// Exit code 32 is the SDKs' "the error was already shown to the user": the engine then bails without a second,
// vaguer message.
func RunResult(code int, err error) *pulumirpc.RunResponse {
	switch {
	case err != nil:
		return &pulumirpc.RunResponse{Error: err.Error()}
	case code == 0:
		return &pulumirpc.RunResponse{}
	case code == constant.ExitStatusLoggedError:
		return &pulumirpc.RunResponse{Bail: true}
	default:
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("Program exited with non-zero exit code: %d", code)}
	}
}
