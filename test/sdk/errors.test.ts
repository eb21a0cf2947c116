/**
 * The errors' one brand mechanism: `isInstance` holds across two loaded copies of the package (a Pulumi
 * program's and its dynamic provider's), where `instanceof` does not, and follows the class hierarchy.
 */
import * as errors from "../../sdk/errors";
import { TimeoutError } from "../../sdk/waiter/timeout-error";

/** A second, separately loaded copy of sdk/errors (its own classes, as a second node_modules copy has). */
const otherCopy = (): typeof errors => {
  let copy: typeof errors | undefined;
  jest.isolateModules(() => {
    copy = jest.requireActual<typeof errors>("../../sdk/errors");
  });
  return copy!;
};

describe("error brands", () => {
  const other = otherCopy();

  it("loads a distinct copy (so instanceof fails across the two)", () => {
    expect(other.ValidationError).not.toBe(errors.ValidationError);
    expect(new other.ValidationError("f", 1, "m") instanceof errors.ValidationError).toBe(false);
  });

  it("recognizes an error of the other copy by its class and each ancestor, and nothing else", () => {
    const notFound = new other.TaskNotFoundError("T-1", 60_000, "no details for T-1");
    expect(errors.TaskNotFoundError.isInstance(notFound)).toBe(true);
    expect(errors.ValidationError.isInstance(notFound)).toBe(true);
    expect(errors.DomainTaskError.isInstance(notFound)).toBe(true);
    expect(errors.DomainApiError.isInstance(notFound)).toBe(false);
    expect(errors.CredentialsError.isInstance(notFound)).toBe(false);

    const inconsistent = new other.InconsistentAnswerError("m", { problems: ["p"], reads: 3 });
    expect(errors.InconsistentAnswerError.isInstance(inconsistent)).toBe(true);
    expect(errors.DomainApiError.isInstance(inconsistent)).toBe(true);
    expect(errors.ValidationError.isInstance(inconsistent)).toBe(false);
  });

  it("names each error after its class and refuses what is not one", () => {
    for (const [name, error] of Object.entries({
      DomainTaskError: new errors.DomainTaskError("m"),
      DomainApiError: new errors.DomainApiError("m", { code: "C", statusCode: 500, retryable: true }),
      InconsistentAnswerError: new errors.InconsistentAnswerError("m", { problems: [], reads: 1 }),
      ValidationError: new errors.ValidationError("f", 1, "m"),
      TaskNotFoundError: new errors.TaskNotFoundError("T", 0, "m"),
      CredentialsError: new errors.CredentialsError("m"),
      PagingError: new errors.PagingError("m"),
      TimeoutError: new TimeoutError("m"),
      AbortError: new errors.AbortError(),
    })) {
      expect(error.name).toBe(name);
      expect(name === "TimeoutError" ? TimeoutError : errors[name as keyof typeof errors]).toHaveProperty("brand", name);
    }
    expect(errors.DomainTaskError.isInstance(new TimeoutError("m"))).toBe(true);
    for (const value of [new Error("m"), { name: "ValidationError" }, null, undefined, "ValidationError"]) {
      expect(errors.ValidationError.isInstance(value)).toBe(false);
    }
  });
});
