/**
 * Lines for the deployment's log, sent to the engine (pulumirpc.Engine/Log, under the resource's URN, as
 * `pulumi up` shows them) once the plugin knows the engine's address (its first argument, or Attach/Handshake).
 * Without one (a plugin started by hand, a test) they go to stderr. A line that cannot be sent is dropped: logging
 * never fails an operation.
 */
import { EngineClient, engineRpc, grpc } from "./protocol";

export class EngineLog {
  private client: InstanceType<typeof EngineClient> | undefined;
  private address: string | undefined;

  /** Sends later lines to the engine at `address` (host:port). */
  connect(address: string): void {
    if (!address || this.address === address) return;
    this.client?.close();
    this.address = address;
    this.client = new EngineClient(address, grpc.credentials.createInsecure());
  }

  /** One informational line, under `urn` when given. */
  info(message: string, urn = ""): void {
    if (!this.client) {
      process.stderr.write(`${message}\n`);
      return;
    }
    const request = new engineRpc.LogRequest();
    request.setSeverity(engineRpc.LogSeverity.INFO);
    request.setMessage(message);
    request.setUrn(urn);
    this.client.log(request, () => undefined);
  }

  close(): void {
    this.client?.close();
    this.client = undefined;
  }
}
