/**
 * A refused key is named: where it came from and a masked AccessKey ID, and a stale ALICLOUD_ACCESS_KEY that wins
 * over ALIBABA_CLOUD_ACCESS_KEY_ID is pointed out. Never the secret.
 */
import { DomainTaskClient } from "../../../sdk/api/client";
import { maskAccessKeyId } from "../../../sdk/api/credential-hint";
import { DomainApiError } from "../../../sdk/errors";
import { DEFAULT_CREDENTIAL, useEmulator } from "../../support/emulator-client";

const setup = useEmulator();
const query = { taskNo: "T-1", pageNum: 1, pageSize: 10 };

describe("a refused key is named", () => {
  it("names the environment variable it came from, masks the ID, and points at the ALIBABA_CLOUD_* variable it shadowed", async () => {
    const env = {
      ALICLOUD_ACCESS_KEY: "LTAI-stale-key-0001", ALICLOUD_SECRET_KEY: "stale-secret-value",
      ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_CREDENTIAL.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_CREDENTIAL.accessKeySecret,
    };
    const client = new DomainTaskClient({ endpoint: setup.emu.url, env });
    const error = await client.queryTaskDetailList(query).catch((e: unknown) => e);
    expect(DomainApiError.isInstance(error)).toBe(true);
    const message = (error as Error).message;
    expect(message).toMatch(/^InvalidAccessKeyId/m);
    expect(message).toContain("The key came from env ALICLOUD_ACCESS_KEY/ALICLOUD_SECRET_KEY, AccessKey ID LTAI…001.");
    expect(message).toContain("ALIBABA_CLOUD_ACCESS_KEY_ID is also set, but ALICLOUD_ACCESS_KEY is checked first: unset it if it is stale.");
    expect(message).not.toContain("stale-secret-value");
    expect(message).not.toContain("LTAI-stale-key-0001");
  });

  it("names the credentials option, and adds nothing to errors that are not about the key", async () => {
    const client = new DomainTaskClient({ endpoint: setup.emu.url, credentials: { accessKeyId: "wrong-key-id-42", accessKeySecret: "x" }, env: {} });
    await expect(client.queryTaskDetailList(query)).rejects.toThrow(/The key came from the credentials option, AccessKey ID wron…-42\./);
    setup.emu.setFaults({ rules: [{ fault: "serviceUnavailable", from: 1 }] });
    try {
      const good = new DomainTaskClient({ endpoint: setup.emu.url, credentials: { ...DEFAULT_CREDENTIAL }, env: {}, retry: { maxAttempts: 1 } });
      const unavailable = await good.queryTaskDetailList(query).catch((e: unknown) => e);
      expect(unavailable).toMatchObject({ code: "ServiceUnavailable" });
      expect((unavailable as Error).message).not.toContain("The key came from");
    } finally {
      setup.emu.setFaults({});
    }
  });

  it("masks short IDs entirely", () => {
    expect(maskAccessKeyId("abc")).toBe("…");
    expect(maskAccessKeyId("LTAI5tAbCdEfGh")).toBe("LTAI…fGh");
  });
});
