/** What the emulator answers, before it is written to the socket. */
import { randomUUID } from "node:crypto";

export type Reply =
  /** An API answer: JSON, or XML under `xmlRoot` (a V1 request without Format=JSON). */
  | { kind: "json"; status: number; body: unknown; requestId?: string; headers?: Record<string, string>; xmlRoot?: string }
  | { kind: "html"; status: number; body: string }
  | { kind: "empty"; status: number }
  /** Destroy the socket without answering. */
  | { kind: "drop" };

/** Request ids look like the service's: an upper-case UUID. */
export const newRequestId = (): string => randomUUID().toUpperCase();
