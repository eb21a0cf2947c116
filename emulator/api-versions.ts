/**
 * The products and versions the emulator serves: the SDK's (sdk/endpoint.ts PRODUCTS, the one place they
 * are written); both expose QueryTaskDetailList with the same fields.
 */
import { PRODUCTS } from "../sdk/endpoint";

/** API version -> product. */
export const API_VERSIONS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(PRODUCTS).map(([product, { version }]) => [version, product]),
);

export const QUERY_TASK_DETAIL_LIST = "QueryTaskDetailList";
