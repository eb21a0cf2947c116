/**
 * Which AccessKey signs the requests. First found wins:
 *   1. explicit `credentials` option;
 *   2. Pulumi-style env `ALICLOUD_ACCESS_KEY` / `ALICLOUD_SECRET_KEY` [/ `ALICLOUD_SECURITY_TOKEN`], the
 *      variables `@pulumi/alicloud` users already set;
 *   3. a named profile (option `profile`, env `ALICLOUD_PROFILE` or `ALIBABA_CLOUD_PROFILE`): the aliyun CLI's
 *      `~/.aliyun/config.json`, then `~/.alibabacloud/credentials`;
 *   4. otherwise the `@alicloud/credentials` default chain (env `ALIBABA_CLOUD_ACCESS_KEY_ID`..., OIDC/RRSA,
 *      CLI profile, credentials file, ECS RAM role, credentials URI when `ALIBABA_CLOUD_CREDENTIALS_URI` is set),
 *      assembled here from the library's own providers (see `defaultChainProvider`).
 *
 * Steps 1-3 read the `env` given (default process.env). The default chain in step 4 is the library's own and
 * always reads `process.env` and the real home directory: that is how @alicloud/credentials 2.4.7 works.
 * Credentials are resolved at the first request, not at construction, so creating a client never fails for
 * want of a key and never touches the network. No message here ever contains a secret.
 */
import Credential, {
  CLIProfileCredentialsProvider,
  Config as CredentialConfig,
  ECSRAMRoleCredentialsProvider,
  OIDCRoleArnCredentialsProvider,
  ProfileCredentialsProvider,
  StaticAKCredentialsProvider,
  StaticSTSCredentialsProvider,
  URICredentialsProvider,
} from "@alicloud/credentials";
import { redactCredentialText } from "./credential-redaction";
import { CredentialsError } from "./errors";

/** An AccessKey pair, optionally with an STS security token. */
export interface StaticCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

/** What credential resolution reads; a subset of the client options. */
export interface CredentialOptions {
  /** An explicit AccessKey pair (and STS token); both halves or neither. */
  credentials?: Partial<StaticCredentials>;
  /** A profile of the aliyun CLI config or the credentials file. */
  profile?: string;
  /** The environment to read `ALICLOUD_*` variables from. Default: process.env. */
  env?: Record<string, string | undefined>;
}

/** A credential ready for openapi-client, and where it came from (safe to show: never the key itself). */
export interface ResolvedCredential {
  credential: Credential;
  source: string;
}

/** The Pulumi-style variables, checked before the default chain. */
export const ENV_ACCESS_KEY = "ALICLOUD_ACCESS_KEY";
export const ENV_SECRET_KEY = "ALICLOUD_SECRET_KEY";
export const ENV_SECURITY_TOKEN = "ALICLOUD_SECURITY_TOKEN";
export const PROFILE_ENVS = ["ALICLOUD_PROFILE", "ALIBABA_CLOUD_PROFILE"] as const;

/**
 * Values as people paste them: surrounding whitespace dropped (a key with a trailing newline would fail as
 * "Invalid character in header content"), and a blank value is no value, so the search goes on.
 */
const nonEmpty = (v: string | undefined): string | undefined => (v !== undefined && v.trim() !== "" ? v.trim() : undefined);

/** The first of the variables `names` that is set to something other than whitespace, trimmed. */
export const firstSet = (env: Record<string, string | undefined>, names: readonly string[]): string | undefined =>
  names.map((name) => nonEmpty(env[name])).find((v) => v !== undefined);

const staticCredential = (c: StaticCredentials): Credential =>
  new Credential(
    new CredentialConfig(
      c.securityToken
        ? { type: "sts", accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret, securityToken: c.securityToken }
        : { type: "access_key", accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret },
    ),
  );

/** Complete pair or nothing: half a pair is an error that names the missing half (never the present one). */
const pairFrom = (
  id: string | undefined,
  secret: string | undefined,
  token: string | undefined,
  names: { id: string; secret: string; token: string; where: string },
): StaticCredentials | undefined => {
  if (id === undefined && secret === undefined) {
    if (token !== undefined) {
      throw new CredentialsError(
        `${names.token} is set but ${names.id} and ${names.secret} are not (${names.where}); a security token ` +
          `is only used together with the AccessKey pair it was issued with. Set all three, or unset ${names.token}.`,
      );
    }
    return undefined;
  }
  if (secret === undefined) {
    throw new CredentialsError(
      `${names.id} is set but ${names.secret} is missing (${names.where}). Set ${names.secret} to the AccessKey ` +
        `secret that belongs to that AccessKey ID.`,
    );
  }
  if (id === undefined) {
    throw new CredentialsError(
      `${names.secret} is set but ${names.id} is missing (${names.where}). Set ${names.id} to the AccessKey ID ` +
        `that belongs to that secret.`,
    );
  }
  return { accessKeyId: id, accessKeySecret: secret, securityToken: token };
};

/** The profile name asked for, if any: option, then ALICLOUD_PROFILE, then ALIBABA_CLOUD_PROFILE. */
export const profileName = (options: CredentialOptions): string | undefined => {
  const env = options.env ?? process.env;
  return nonEmpty(options.profile) ?? PROFILE_ENVS.map((n) => nonEmpty(env[n])).find((v) => v !== undefined);
};

interface Provider {
  getCredentials(): Promise<unknown>;
  getProviderName(): string;
}

/**
 * The first of `builders` whose provider builds (a builder throws when its source is switched off, e.g.
 * ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true) and returns credentials; the winner is remembered, as the
 * library's own DefaultCredentialsProvider does, so session credentials refresh from the same source.
 * Every failure is reported, by provider name.
 */
const firstOf = (name: string, builders: (() => Provider | undefined)[]): Provider => {
  const providers: Provider[] = [];
  for (const build of builders) {
    try {
      const provider = build();
      if (provider) providers.push(provider);
    } catch {
      // this source is switched off: skip it, as the library does
    }
  }
  let winner: Provider | undefined;
  return {
    getProviderName: () => name,
    async getCredentials() {
      // A refresh (an expiring AssumeRole session) fails with the same kind of message: redact it too.
      if (winner) return winner.getCredentials().catch((e: Error) => Promise.reject(new Error(redactCredentialText(e.message))));
      const reasons: string[] = [];
      for (const provider of providers) {
        try {
          const credentials = await provider.getCredentials();
          winner = provider;
          return credentials;
        } catch (e) {
          reasons.push(`${provider.getProviderName()}: ${redactCredentialText((e as Error).message)}`);
        }
      }
      throw new Error(reasons.length > 0 ? reasons.join("; ") : "every source is switched off");
    },
  };
};

/** The CLI config profile, then the credentials-file profile, of one name. */
const namedProfileProvider = (name: string): Provider =>
  firstOf(`profile:${name}`, [
    () => CLIProfileCredentialsProvider.builder().withProfileName(name).build(),
    () => ProfileCredentialsProvider.builder().withProfileName(name).build(),
  ]);

/** The default chain's env variables (the library's names; @pulumi/alicloud's are ENV_ACCESS_KEY...). */
const CHAIN_ENV = {
  id: "ALIBABA_CLOUD_ACCESS_KEY_ID",
  secret: "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
  token: "ALIBABA_CLOUD_SECURITY_TOKEN",
} as const;

/**
 * The chain's env step: the library's EnvironmentVariableCredentialsProvider reads the variables as they
 * are, so `" LTAI..."` fails in the HTTP client and a blank ID is sent as a key. Here they are trimmed and a
 * blank one is unset (the chain goes on). Read at call time, from process.env, as the library does.
 */
const environmentProvider = (): Provider => ({
  getProviderName: () => "env",
  async getCredentials() {
    const [id, secret, token] = [CHAIN_ENV.id, CHAIN_ENV.secret, CHAIN_ENV.token].map((n) => firstSet(process.env, [n]));
    if (id === undefined) throw new Error(`${CHAIN_ENV.id} is not set (or blank)`);
    if (secret === undefined) throw new Error(`${CHAIN_ENV.id} is set but ${CHAIN_ENV.secret} is not (or blank)`);
    const provider = token === undefined
      ? StaticAKCredentialsProvider.builder().withAccessKeyId(id).withAccessKeySecret(secret).build()
      : StaticSTSCredentialsProvider.builder().withAccessKeyId(id).withAccessKeySecret(secret).withSecurityToken(token).build();
    return provider.getCredentials();
  },
});

/**
 * The `@alicloud/credentials` default chain, from the library's own providers in its own order, except that
 * the credentials-URI provider is added only when ALIBABA_CLOUD_CREDENTIALS_URI is set: the library's
 * DefaultCredentialsProvider (2.4.7) always adds it and, with the variable unset, requests
 * `https://undefined/` (a DNS lookup, and a confusing line in the "no credentials" message).
 */
const defaultChainProvider = (): Provider =>
  firstOf("default", [
    environmentProvider,
    () => OIDCRoleArnCredentialsProvider.builder().build(),
    () => CLIProfileCredentialsProvider.builder().build(),
    () => ProfileCredentialsProvider.builder().build(),
    // The role name may be unset: the provider then asks the metadata service for it.
    () => ECSRAMRoleCredentialsProvider.builder().withRoleName(process.env.ALIBABA_CLOUD_ECS_METADATA as string).build(),
    () => {
      const uri = nonEmpty(process.env.ALIBABA_CLOUD_CREDENTIALS_URI);
      return uri === undefined ? undefined : URICredentialsProvider.builder().withCredentialsURI(uri).build();
    },
  ]);

/** Pick the source (steps 1-4 above) without contacting anything. Throws CredentialsError on half a pair. */
export const selectCredentialSource = (options: CredentialOptions): ResolvedCredential => {
  const env = options.env ?? process.env;
  const c = options.credentials;
  if (c !== undefined) {
    const pair = pairFrom(nonEmpty(c.accessKeyId), nonEmpty(c.accessKeySecret), nonEmpty(c.securityToken), {
      id: "credentials.accessKeyId",
      secret: "credentials.accessKeySecret",
      token: "credentials.securityToken",
      where: "in the client's credentials option",
    });
    if (pair) return { credential: staticCredential(pair), source: "the credentials option" };
  }
  const fromEnv = pairFrom(nonEmpty(env[ENV_ACCESS_KEY]), nonEmpty(env[ENV_SECRET_KEY]), nonEmpty(env[ENV_SECURITY_TOKEN]), {
    id: ENV_ACCESS_KEY,
    secret: ENV_SECRET_KEY,
    token: ENV_SECURITY_TOKEN,
    where: "in the environment",
  });
  if (fromEnv) return { credential: staticCredential(fromEnv), source: `env ${ENV_ACCESS_KEY}/${ENV_SECRET_KEY}` };

  const profile = profileName(options);
  if (profile !== undefined) {
    return { credential: new Credential(null, namedProfileProvider(profile)), source: `profile "${profile}"` };
  }
  return { credential: new Credential(null, defaultChainProvider()), source: "the @alicloud/credentials default chain" };
};

/** Everywhere we look, for the "no credentials found" message. */
const searchedPlaces = (profile: string | undefined): string =>
  [
    "the client's credentials option (accessKeyId, accessKeySecret)",
    `env ${ENV_ACCESS_KEY} and ${ENV_SECRET_KEY} (optionally ${ENV_SECURITY_TOKEN})`,
    ...(profile !== undefined
      ? [`profile "${profile}" in ~/.aliyun/config.json`, `profile "${profile}" in ~/.alibabacloud/credentials (or ALIBABA_CLOUD_CREDENTIALS_FILE)`]
      : [
          "env ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (optionally ALIBABA_CLOUD_SECURITY_TOKEN)",
          "OIDC/RRSA env ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE",
          "the aliyun CLI's ~/.aliyun/config.json (current profile)",
          "~/.alibabacloud/credentials [default] (or ALIBABA_CLOUD_CREDENTIALS_FILE)",
          "the ECS RAM role from instance metadata (off when ALIBABA_CLOUD_ECS_METADATA_DISABLED=true)",
          "the credentials URI in ALIBABA_CLOUD_CREDENTIALS_URI (when set)",
        ]),
  ]
    .map((p) => `  - ${p}`)
    .join("\n");

/**
 * Select the source and fetch a credential from it once, so a missing or broken credential fails here with
 * a CredentialsError listing every place searched, rather than as an opaque error inside the HTTP client.
 */
export const resolveCredentials = async (options: CredentialOptions): Promise<ResolvedCredential> => {
  const selected = selectCredentialSource(options);
  try {
    const model = await selected.credential.getCredential();
    if (!model.accessKeyId || !model.accessKeySecret) throw new Error("the source returned an empty AccessKey");
  } catch (e) {
    const profile = profileName(options);
    // Redacted again, and the original is not kept as the cause: a source's raw error may hold a signed URL.
    const reason = redactCredentialText((e as Error).message);
    throw new CredentialsError(
      `No Alibaba Cloud credentials found (tried ${selected.source}: ${reason}).\nSearched, in order:\n` +
        `${searchedPlaces(profile)}\nSet ${ENV_ACCESS_KEY} and ${ENV_SECRET_KEY}, pass credentials to the client, ` +
        `or configure a profile with \`aliyun configure\`.`,
    );
  }
  return selected;
};
