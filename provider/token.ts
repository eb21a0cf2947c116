/**
 * The DomainTask's type token, `pulumi-nodejs:dynamic/alicloud-domain-tasks:DomainTask`: Pulumi builds it
 * from the module and type a dynamic resource passes to its base constructor. Policies match on it; this
 * module imports nothing, so policy packs can use it without loading the resource.
 */
/** The module part of the token. */
export const DOMAIN_TASK_MODULE = "alicloud-domain-tasks";
/** The type part of the token. */
export const DOMAIN_TASK_TYPE = "DomainTask";
/** The full type token, as a resource's `type` in policies and the engine. */
export const DOMAIN_TASK_TOKEN = `pulumi-nodejs:dynamic/${DOMAIN_TASK_MODULE}:${DOMAIN_TASK_TYPE}`;
