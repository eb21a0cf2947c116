// The package root: the SDK, its Pulumi functions and the DomainTask provider. The CLI imports sdk modules
// directly instead, so it never loads @pulumi/pulumi.
export * from "./sdk";
export * from "./sdk/functions";
// The DomainTask dynamic resource (policies: "pulumi-alicloud-domain-tasks/policies", not loaded here).
export * from "./provider";
