/**
 * `DomainNameServers`: "these domains use these name servers". Creating it submits the change at the registrar
 * (SaveBatchTaskForModifyingDomainDns) and waits until every domain's change succeeded, so resources that
 * `dependsOn` it run only once the new name servers are in place; the deployment stops with each failed domain's
 * reason otherwise. Deleting it leaves the domains' name servers as they are.
 */
import type * as pulumi from "@pulumi/pulumi";
import { TaskResource, type LocationArgs, type WaitArgs } from "../dynamic/task-resource";
import { INPUT_NAMES } from "./inputs";
import { serializableNameServersProvider } from "./serialized-provider";
import { NAME_SERVERS_OUTPUT_NAMES } from "./state";
import { NAME_SERVERS_TYPE } from "./token";

/** The inputs of a {@link DomainNameServers}. */
export interface DomainNameServersArgs extends WaitArgs, LocationArgs {
  /** The domains (registered in the account) to change. Changing the list replaces the resource. */
  domainNames: pulumi.Input<pulumi.Input<string>[]>;
  /** Their new name servers, 2 to 13 host names, in order. A change submits a new change. Not with `aliyunDns`. */
  nameServers?: pulumi.Input<pulumi.Input<string>[]>;
  /** `true`: move the domains to Alibaba Cloud DNS's name servers instead. */
  aliyunDns?: pulumi.Input<boolean>;
}

/** Changes domains' name servers and waits for the change. See the module documentation. */
export class DomainNameServers extends TaskResource {
  declare readonly domainNames: pulumi.Output<string[]>;
  declare readonly nameServers: pulumi.Output<string[] | null>;
  declare readonly aliyunDns: pulumi.Output<boolean | null>;
  /** The task of the change last made. */
  declare readonly taskNo: pulumi.Output<string>;
  /** Domain -> its name servers as the registry reported them last. */
  declare readonly currentNameServers: pulumi.Output<Record<string, string[]>>;

  constructor(name: string, args: DomainNameServersArgs, opts?: pulumi.CustomResourceOptions) {
    super(serializableNameServersProvider, { type: NAME_SERVERS_TYPE, inputNames: INPUT_NAMES, outputNames: NAME_SERVERS_OUTPUT_NAMES }, name, args, opts);
  }
}
