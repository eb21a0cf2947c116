// The SDK's public surface. A plain list of re-exports; everything here is free of @pulumi/pulumi
// (sdk/functions.ts is exported from the package root instead).
export * from "./errors";
export * from "./clock";
export * from "./api/schemas";
export * from "./api/client";
export { INVALID_RESPONSE } from "./api/response";
export { TRANSPORT_CODES, isRetryableFailure } from "./api/error-mapping";
export * from "./credentials";
export * from "./endpoint";
export * from "./config";
export * from "./retry";
export * from "./rate-limit";
export * from "./outcome";
export * from "./pager";
export * from "./waiter";
export * from "./name-servers";
