/**
 * A refusal for lack of a RAM permission, said plainly: which action the AccessKey's policy lacks and how to grant
 * it. The gateway answers such calls 403 with a `Forbidden*` or `NoPermission` code; the generic advice in
 * sdk/api/error-mapping names the read permission QueryTaskDetailList needs, which would mislead here.
 */
import { DomainApiError } from "../errors";

const isPermissionRefusal = (err: DomainApiError): boolean => err.code.startsWith("Forbidden") || err.code.startsWith("NoPermission");

/** `err` with the RAM action named when it is a permission refusal; any other error unchanged. */
export const withRamAdvice = (err: unknown, ramAction: string, what: string): unknown => {
  if (!DomainApiError.isInstance(err) || !isPermissionRefusal(err)) return err;
  const rid = err.requestId ? ` RequestId: ${err.requestId}.` : "";
  return new DomainApiError(
    `${err.code} (HTTP ${err.statusCode}): this AccessKey may not ${what}: its RAM policy lacks the action ${ramAction}. ` +
      `Grant ${ramAction} to the RAM user or role (AliyunDomainFullAccess includes it) and run again.${rid}`,
    { ...err, retryable: false },
    { cause: err },
  );
};
