/**
 * The DomainNameServers type token, `pulumi-nodejs:dynamic/alicloud-domain-tasks:DomainNameServers`, for policies
 * and the engine. Imports nothing, like ../token.ts.
 */
import { DOMAIN_TASK_MODULE } from "../token";

export const NAME_SERVERS_TYPE = "DomainNameServers";
export const NAME_SERVERS_TOKEN = `pulumi-nodejs:dynamic/${DOMAIN_TASK_MODULE}:${NAME_SERVERS_TYPE}`;
