/** Task details and outcomes for renderer tests, built with the SDK's own summarizeTask. */
import { summarizeTask, type TaskOutcome } from "../../sdk/outcome";
import { detail } from "../support/details";

export { detail };

/** A finished batch: two successes and one failure with a multi-line reason. */
export const batchOutcome = (): TaskOutcome =>
  summarizeTask("T-1", [
    detail({ domainName: "a.example.com", taskStatus: "EXECUTE_SUCCESS" }),
    detail({ domainName: "bb.example.com", taskStatus: "EXECUTE_FAILURE", failReason: "Domain is locked.\n", errorMsg: "DomainStatusProhibited", tryCount: 3 }),
    detail({ domainName: "c.example.com", taskStatus: "EXECUTE_SUCCESS" }),
  ], { verified: true });
