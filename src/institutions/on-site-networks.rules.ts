// The reading-room networks of an institution (馆内阅览网络): CIDR ranges whose addresses count as
// "on site" for the images of its `on_site` records. Parsing and matching go through ipaddr.js
// (a small, well-kept library: strict IPv4/IPv6 parsing, IPv4-mapped IPv6, prefix matching) rather
// than hand-written bit arithmetic.

import ipaddr from 'ipaddr.js';
import { usesOnSiteNetworks, type RightsStatement } from './rights-statement.rules.js';
import type { NamedRuleIssue } from '../kernel/issues.js';

/** At most this many ranges per institution: reading rooms, not an address plan. */
export const MAX_ON_SITE_NETWORKS = 50;
/** The broadest ranges accepted: a /16 of IPv4 or a /32 of IPv6 (one organisation's allocation). */
export const MIN_IPV4_PREFIX = 16;
export const MIN_IPV6_PREFIX = 32;
/** Longest text accepted for one range ("ffff:…/128" is 43 characters). */
const MAX_CIDR_CHARS = 64;

/** One refused entry before it is placed in the list (the list gives it its field, `networks[i]`). */
type Problem = Omit<NamedRuleIssue, 'field'>;

function problem(value: unknown, code: string, zh: string, en: string): Problem {
  return { value, code, messageZh: zh, messageEn: en };
}

/** The range a CIDR text denotes, in a canonical form for comparing, or why it is refused. */
export function parseOnSiteNetwork(text: string): { canonical: string } | Problem {
  const shown = text.length > MAX_CIDR_CHARS ? `${text.slice(0, MAX_CIDR_CHARS)}…` : text;
  const malformed = problem(
    shown.replaceAll('\u0000', '\\u0000'),
    'cidr',
    `「${shown}」不是 CIDR 网段（如 202.112.0.0/24 或 2001:da8:1::/48）`,
    `"${shown}" is not a CIDR range (such as 202.112.0.0/24 or 2001:da8:1::/48)`,
  );
  if (text.length > MAX_CIDR_CHARS || !/^[0-9A-Fa-f.:]+\/[0-9]{1,3}$/.test(text)) return malformed;
  const address = text.slice(0, text.indexOf('/'));
  // Only the plain four-part decimal form of IPv4: ipaddr.js (like inet_aton) also reads "127.1" or
  // octal/hex parts, which nobody means in a reading-room range.
  const isV4 = ipaddr.IPv4.isValidFourPartDecimal(address);
  if (!isV4 && !ipaddr.IPv6.isValid(address)) return malformed;
  let range: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    range = ipaddr.parseCIDR(text);
  } catch {
    return malformed;
  }
  const [base, prefix] = range;
  if (base.kind() === 'ipv6' && (base as ipaddr.IPv6).isIPv4MappedAddress()) {
    return problem(
      text,
      'cidr_ipv4_mapped',
      `「${text}」是 IPv4 映射的 IPv6 地址，请直接写 IPv4 网段（如 202.112.0.0/24）`,
      `"${text}" is an IPv4-mapped IPv6 range; write the IPv4 range itself (such as 202.112.0.0/24)`,
    );
  }
  const minimum = isV4 ? MIN_IPV4_PREFIX : MIN_IPV6_PREFIX;
  if (prefix < minimum) {
    return problem(
      text,
      'cidr_too_broad',
      `「${text}」范围过大：${isV4 ? 'IPv4' : 'IPv6'} 网段前缀至少为 /${minimum}`,
      `"${text}" is too broad: an ${isV4 ? 'IPv4' : 'IPv6'} range needs a prefix of at least /${minimum}`,
    );
  }
  const network = isV4 ? ipaddr.IPv4.networkAddressFromCIDR(text) : ipaddr.IPv6.networkAddressFromCIDR(text);
  if (network.toString() !== base.toString()) {
    return problem(
      text,
      'cidr_host_bits',
      `「${text}」的主机位不为零：该网段应写作 ${network.toString()}/${prefix}`,
      `"${text}" has host bits set: the range is ${network.toString()}/${prefix}`,
    );
  }
  return { canonical: `${network.toString()}/${prefix}` };
}

/** Every problem of a submitted list (field `networks[i]`); empty when it may be stored as given. */
export function onSiteNetworkProblems(networks: readonly string[]): NamedRuleIssue[] {
  const problems: NamedRuleIssue[] = [];
  if (networks.length > MAX_ON_SITE_NETWORKS) {
    problems.push({
      field: 'networks',
      value: networks.length,
      code: 'max_items',
      messageZh: `networks 最多 ${MAX_ON_SITE_NETWORKS} 个网段（提交了 ${networks.length} 个）`,
      messageEn: `networks holds at most ${MAX_ON_SITE_NETWORKS} ranges (${networks.length} given)`,
    });
    return problems;
  }
  const seen = new Map<string, number>();
  networks.forEach((text, i) => {
    const field = `networks[${i}]`;
    const parsed = parseOnSiteNetwork(text);
    if (!('canonical' in parsed)) return problems.push({ field, ...parsed });
    const first = seen.get(parsed.canonical);
    if (first !== undefined) {
      problems.push({
        field,
        value: text,
        code: 'unique',
        messageZh: `${field}「${text}」与 networks[${first}] 重复`,
        messageEn: `${field} "${text}" repeats networks[${first}]`,
      });
    } else seen.set(parsed.canonical, i);
    return undefined;
  });
  return problems;
}

/**
 * Whether a client address lies in one of the ranges. IPv4-mapped IPv6 addresses (what a server
 * listening on `::` sees of IPv4 clients) are compared as the IPv4 address they carry, so an IPv6
 * range never matches an IPv4 client by accident.
 */
export function addressInNetworks(address: string, networks: readonly string[]): boolean {
  if (networks.length === 0 || !ipaddr.isValid(address)) return false;
  const client = ipaddr.process(address);
  return networks.some((text) => {
    try {
      const [base, prefix] = ipaddr.parseCIDR(text);
      return base.kind() === client.kind() && client.match(base, prefix);
    } catch {
      return false;
    }
  });
}

/** Whether a reader at `address` is sent the images of a record under `statement` because of where they are. */
export function readsOnSite(
  statement: RightsStatement,
  networks: readonly string[],
  address: string,
): boolean {
  return usesOnSiteNetworks(statement) && addressInNetworks(address, networks);
}
