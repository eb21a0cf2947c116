/**
 * The DomainTask's type token, `pulumi-nodejs:dynamic/alicloud-domain-tasks:DomainTask`: Pulumi builds it
 * from the module and type a dynamic resource passes to its base constructor. Policies match on it; this
 * module imports nothing, so policy packs can use it without loading the resource.
 */
export const DOMAIN_TASK_MODULE = "alicloud-domain-tasks";
export const DOMAIN_TASK_TYPE = "DomainTask";
export const DOMAIN_TASK_TOKEN = `pulumi-nodejs:dynamic/${DOMAIN_TASK_MODULE}:${DOMAIN_TASK_TYPE}`;
