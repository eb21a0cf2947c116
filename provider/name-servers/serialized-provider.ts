/**
 * The provider object a DomainNameServers serializes into its `__provider` input: the same small loader as the
 * DomainTask's (../serialized-provider.ts explains why), calling `/provider`'s `createDomainNameServersProvider`.
 */
import { serializableProviderFor } from "../dynamic/serialized-provider";

export const serializableNameServersProvider = serializableProviderFor("createDomainNameServersProvider", "DomainNameServers");
