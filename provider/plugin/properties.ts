/**
 * Property values on the wire: a google.protobuf.Struct each way. The engine marks a secret as an object
 * `{"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value}` where it keeps secrets (the
 * provider's config); the plugin tells the engine it takes no secrets elsewhere, so the engine strips them from
 * resource properties and marks the results secret itself. A value not known yet is the unknown marker string.
 */
import type { Struct as StructMessage } from "google-protobuf/google/protobuf/struct_pb";
import { Struct } from "./protocol";

/** The signature key of a secret, and its value. */
const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** `value` with every secret replaced by what it holds, at any depth. */
export const unwrapSecrets = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(unwrapSecrets);
  if (value === null || typeof value !== "object") return value;
  const object = value as Record<string, unknown>;
  if (object[SECRET_SIG_KEY] === SECRET_SIG) return unwrapSecrets(object.value);
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, unwrapSecrets(v)]));
};

/** `bag` with the values of `keys` marked secret (those present and not secret already). */
export const markSecrets = (bag: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(Object.entries(bag).map(([k, v]) => [k, keys.includes(k) && v !== undefined && v !== null ? { [SECRET_SIG_KEY]: SECRET_SIG, value: v } : v]));

/** A Struct as plain JSON, secrets unwrapped; an absent Struct is an empty bag. */
export const fromStruct = (struct: StructMessage | undefined): Record<string, unknown> =>
  struct ? (unwrapSecrets(struct.toJavaScript()) as Record<string, unknown>) : {};

/** Plain JSON as a Struct (through JSON, so an `undefined` is dropped rather than refused). */
export const toStruct = (value: object): StructMessage => Struct.fromJavaScript(JSON.parse(JSON.stringify(value)));
