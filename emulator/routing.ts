/**
 * Which API a request addresses - its action and version - known before any credential is checked: the
 * gateway routes on it first, as the real service does (an unknown version is refused before the signature).
 */
import { API_VERSIONS } from "./api-versions";
import { apiErrors } from "./errors";
import type { IncomingApiRequest } from "./incoming";

export type SignatureVersion = "v3" | "v1";

/** The API a request addresses, known before any credential is checked. */
export interface ApiTarget {
  signatureVersion: SignatureVersion;
  action: string;
  version: string;
}

/** Action and version: V3 carries them in x-acs-* headers, V1 in the Action/Version parameters. */
export const identifyTarget = (req: IncomingApiRequest): ApiTarget => {
  const isV3 = (req.headers.authorization ?? "").startsWith("ACS3-");
  const params = { ...req.query, ...req.form };
  const action = (isV3 ? req.headers["x-acs-action"] : params.Action) ?? "";
  const version = (isV3 ? req.headers["x-acs-version"] : params.Version) ?? "";
  return { signatureVersion: isV3 ? "v3" : "v1", action, version };
};

/** Throws the matching ApiError unless the version is served. */
export const checkVersion = (target: ApiTarget): void => {
  if (!target.version) throw apiErrors.missingVersion();
  if (!(target.version in API_VERSIONS)) throw apiErrors.invalidVersion(target.version);
};
