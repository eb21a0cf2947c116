import { reportError } from "../../cli/report-error";
import { AbortError, CredentialsError, DomainApiError, InconsistentAnswerError, PagingError, TaskNotFoundError, ValidationError } from "../../sdk/errors";

describe("reportError", () => {
  it("API errors: exit 3 with Code, RequestId, HTTP status and what else the service said", () => {
    const error = new DomainApiError("Throttling.User: Request was denied due to user flow control.", {
      code: "Throttling.User", statusCode: 400, requestId: "REQ-1", hostId: "domain.aliyuncs.com", recommend: "https://example.com/r", retryable: true, attempts: 5,
    });
    expect(reportError(error, "wait")).toEqual({
      exitCode: 3,
      lines: [
        "domain-tasks: the Domain API call failed: Throttling.User: Request was denied due to user flow control.",
        "  Code:       Throttling.User",
        "  RequestId:  REQ-1",
        "  HTTP:       400",
        "  HostId:     domain.aliyuncs.com",
        "  Attempts:   5",
        "  Recommend:  https://example.com/r",
      ],
    });
  });

  it("transport failures: exit 3, saying no response came", () => {
    const error = new DomainApiError("ReadTimeout after 10000 ms", { code: "ReadTimeout", statusCode: 0, retryable: true });
    expect(reportError(error).lines.slice(1)).toEqual([
      "  Code:       ReadTimeout",
      "  RequestId:  (none: no response from the service)",
      "  HTTP:       (no response)",
    ]);
  });

  it("credentials and paging errors: exit 3; SDK validation errors: exit 2 with the usage; abort: 130", () => {
    expect(reportError(new CredentialsError("none found")).exitCode).toBe(3);
    expect(reportError(new PagingError("pages disagree", "REQ-2"))).toEqual({
      exitCode: 3,
      lines: ["domain-tasks: pages disagree", "  RequestId:  REQ-2"],
    });
    const invalid = reportError(new ValidationError("taskNo", "X", "no details found for TaskNo X"), "wait");
    expect(invalid.exitCode).toBe(2);
    expect(invalid.lines[0]).toBe("domain-tasks: no details found for TaskNo X");
    expect(invalid.lines[1]).toMatch(/^Usage: domain-tasks wait /);
    expect(reportError(new TaskNotFoundError("X", 60_000, "no details found for TaskNo X after 60 s - check the TaskNo"), "wait")).toEqual({
      exitCode: 2,
      lines: ["domain-tasks: no details found for TaskNo X after 60 s - check the TaskNo"],
    });
    expect(reportError(new AbortError()).exitCode).toBe(130);
  });

  it("an SDK validation error names the flag that set the option, never the option", () => {
    const lines = (error: ValidationError) => reportError(error, "wait").lines[0];
    expect(lines(new ValidationError("maxWaitSeconds", Infinity, "maxWaitSeconds must be a finite number of seconds >= 0, got Infinity")))
      .toBe("domain-tasks: --timeout must be a finite number of seconds >= 0, got Infinity");
    expect(lines(new ValidationError("maxDelaySeconds", 3, "maxDelaySeconds (3) must be at least minDelaySeconds (5)")))
      .toBe("domain-tasks: --max-delay (3) must be at least --min-delay (5)");
    expect(lines(new ValidationError("pageSize", 0, "pageSize must be an integer from 1 to 1000, got 0; use 1000")))
      .toBe("domain-tasks: --page-size must be an integer from 1 to 1000, got 0; use 1000");
    // A plain word is replaced only where it names the failing field.
    expect(lines(new ValidationError("endpoint", "ftp://x", 'endpoint "ftp://x" is not a valid endpoint; use "https://host"')))
      .toBe('domain-tasks: --endpoint "ftp://x" is not a valid endpoint; use "https://host"');
    expect(lines(new ValidationError("ALIBABA_CLOUD_DOMAIN_ENDPOINT", "x", 'ALIBABA_CLOUD_DOMAIN_ENDPOINT "x" is not a valid endpoint')))
      .toBe('domain-tasks: ALIBABA_CLOUD_DOMAIN_ENDPOINT "x" is not a valid endpoint');
  });

  it("anything else: exit 3 with its message", () => {
    expect(reportError(new Error("boom"))).toEqual({ exitCode: 3, lines: ["domain-tasks: unexpected error: boom"] });
  });
});

describe("reportError for answers that never verified", () => {
  it("exits 3 and lists each contradiction on its own line, counting those past five", () => {
    const problems = Array.from({ length: 7 }, (_, i) => `contradiction ${i + 1}`);
    const report = reportError(new InconsistentAnswerError("the answers for TaskNo T-1 contradict each other", { problems, reads: 3 }), "get");
    expect(report.exitCode).toBe(3);
    expect(report.lines[0]).toBe("domain-tasks: not verified: the answers for TaskNo T-1 contradict each other");
    expect(report.lines).toContain("  Reads:      3");
    expect(report.lines).toContain("  - contradiction 5");
    expect(report.lines).not.toContain("  - contradiction 6");
    expect(report.lines.at(-1)).toBe("  ... and 2 more");
  });
});
