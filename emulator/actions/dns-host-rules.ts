/**
 * What a DNS host (a glue record: a name server under the domain itself, with its addresses) may look like, for the
 * DNS-host actions and the scenario schema alike. The API reference of SaveSingleTaskForCreatingDnsHost (doc 69367):
 * `DnsName` is the host's name under the domain (its samples: "dns1"; QueryDnsHost's model: "ns3"), `Ip.N` lists
 * "a maximum of 13 IP addresses".
 */

/** At most this many addresses per DNS host. */
export const MAX_DNS_HOST_IPS = 13;

/** A DNS host's label under its domain ("ns1" of ns1.example.com): one letters-digits-hyphen label (RFC 1123). */
export const DNS_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
