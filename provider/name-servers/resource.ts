/**
 * `DomainNameServers`: "these domains use these name servers". Creating it submits the change at the registrar
 * (SaveBatchTaskForModifyingDomainDns) and waits until every domain's change succeeded, so resources that
 * `dependsOn` it run only once the new name servers are in place; the deployment stops with each failed domain's
 * reason otherwise. Deleting it leaves the domains' name servers as they are.
 */
import * as pulumi from "@pulumi/pulumi";
import type { TaskDetail, TaskStatus } from "../../sdk/api/schemas";
import type { FailedDetail, StatusCounts } from "../../sdk/outcome";
import { announceCancellation } from "../cancellation";
import { DOMAIN_TASK_MODULE } from "../token";
import { serializableNameServersProvider } from "./serialized-provider";
import { NAME_SERVERS_TYPE } from "./token";

/** The inputs of a {@link DomainNameServers}. */
export interface DomainNameServersArgs {
  /** The domains (registered in the account) to change. Changing the list replaces the resource. */
  domainNames: pulumi.Input<pulumi.Input<string>[]>;
  /** Their new name servers, 2 to 13 host names, in order. A change submits a new change. Not with `aliyunDns`. */
  nameServers?: pulumi.Input<pulumi.Input<string>[]>;
  /** `true`: move the domains to Alibaba Cloud DNS's name servers instead. */
  aliyunDns?: pulumi.Input<boolean>;
  /** Stop at the first failed domain instead of waiting for the others. Default false. */
  failFast?: pulumi.Input<boolean>;
  /** How long create/update wait. Default 1800; running `pulumi up` again resumes the wait. */
  timeoutSeconds?: pulumi.Input<number>;
  /** Shortest delay between polls. Default 2. */
  minDelaySeconds?: pulumi.Input<number>;
  /** Longest delay between polls. Default 30. */
  maxDelaySeconds?: pulumi.Input<number>;
  /** How many task details the `details` output keeps. Default 100. */
  maxDetails?: pulumi.Input<number>;
  /** Language of FailReason/ErrorMsg texts: "en" (default) or "zh". */
  lang?: pulumi.Input<"en" | "zh">;
  /** Where the Domain API lives, overriding the stack config (e.g. an emulator's `http://127.0.0.1:PORT`). */
  endpoint?: pulumi.Input<string>;
  product?: pulumi.Input<"domain" | "domain-intl">;
  region?: pulumi.Input<string>;
}

/** Changes domains' name servers and waits for the change. See the module documentation. */
export class DomainNameServers extends pulumi.dynamic.Resource {
  declare readonly domainNames: pulumi.Output<string[]>;
  declare readonly nameServers: pulumi.Output<string[] | null>;
  declare readonly aliyunDns: pulumi.Output<boolean | null>;
  /** The task of the change last made. */
  declare readonly taskNo: pulumi.Output<string>;
  /** Domain -> its name servers as the registry reported them last. */
  declare readonly currentNameServers: pulumi.Output<Record<string, string[]>>;
  declare readonly status: pulumi.Output<TaskStatus>;
  declare readonly statusCode: pulumi.Output<number>;
  declare readonly succeeded: pulumi.Output<boolean>;
  declare readonly complete: pulumi.Output<boolean>;
  /** Whether the task's answers verified (see docs/verdict.md); an unverified outcome never counts as success. */
  declare readonly verified: pulumi.Output<boolean>;
  declare readonly total: pulumi.Output<number>;
  declare readonly counts: pulumi.Output<StatusCounts>;
  declare readonly failed: pulumi.Output<FailedDetail[]>;
  /** Failures not listed in `failed`. */
  declare readonly failedOmitted: pulumi.Output<number>;
  /** What did not add up in the service's answers, if anything. */
  declare readonly anomalies: pulumi.Output<string[]>;
  declare readonly unknownStatuses: pulumi.Output<string[]>;
  declare readonly details: pulumi.Output<TaskDetail[]>;
  declare readonly detailsOmitted: pulumi.Output<number>;
  declare readonly checkedAt: pulumi.Output<string>;
  declare readonly completedAt: pulumi.Output<string | null>;

  constructor(name: string, args: DomainNameServersArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      serializableNameServersProvider,
      name,
      {
        domainNames: args.domainNames,
        nameServers: args.nameServers,
        aliyunDns: args.aliyunDns,
        failFast: args.failFast,
        timeoutSeconds: args.timeoutSeconds,
        minDelaySeconds: args.minDelaySeconds,
        maxDelaySeconds: args.maxDelaySeconds,
        maxDetails: args.maxDetails,
        lang: args.lang,
        endpoint: args.endpoint,
        product: args.product,
        region: args.region,
        taskNo: undefined,
        currentNameServers: undefined,
        status: undefined,
        statusCode: undefined,
        succeeded: undefined,
        complete: undefined,
        verified: undefined,
        total: undefined,
        counts: undefined,
        failed: undefined,
        failedOmitted: undefined,
        anomalies: undefined,
        unknownStatuses: undefined,
        details: undefined,
        detailsOmitted: undefined,
        checkedAt: undefined,
        completedAt: undefined,
      },
      opts,
      DOMAIN_TASK_MODULE,
      NAME_SERVERS_TYPE,
    );
    // Ctrl-C must reach the wait in the provider host (../cancellation.ts): the program passes it on.
    announceCancellation();
  }
}
