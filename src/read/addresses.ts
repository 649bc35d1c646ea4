/**
 * Which network addresses a fetch may connect to: public unicast only, unless the operator allows private
 * ones. Guards against server-side request forgery (a URL or a redirect that points at the machine itself,
 * its network or a cloud metadata service).
 */
import { BlockList, isIP } from 'node:net';

// Note: the IANA special-purpose registries (IPv4 and IPv6); each range is not a public unicast destination.
const V4_RESERVED: ReadonlyArray<readonly [string, number]> = [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.31.196.0', 24], ['192.52.193.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16],
  ['192.175.48.0', 24], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
];
// Note: IPv6 outside 2000::/3 (global unicast) is refused whole, which covers ::1, ::, fc00::/7, fe80::/10 and
// ff00::/8; these are the reserved blocks inside it. Addresses that embed an IPv4 one are checked on that one.
const V6_RESERVED: ReadonlyArray<readonly [string, number]> = [
  ['2001::', 23], ['2001:db8::', 32], ['3fff::', 20],
];

const v4Blocked = new BlockList();
for (const [net, prefix] of V4_RESERVED) v4Blocked.addSubnet(net, prefix, 'ipv4');
const v6Blocked = new BlockList();
v6Blocked.addSubnet('2000::', 3, 'ipv6');
const v6Reserved = new BlockList();
for (const [net, prefix] of V6_RESERVED) v6Reserved.addSubnet(net, prefix, 'ipv6');

/**
 * The eight 16-bit groups of an IPv6 address (dotted IPv4 tails and `::` expanded), or null when it is not one.
 * @param address - without brackets or a zone (`%eth0`)
 */
export function ipv6Groups(address: string): number[] | null {
  if (isIP(address) !== 6) return null;
  let text = address.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/u.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const part = (s: string | undefined): number[] => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const left = part(head);
  const right = part(tail);
  return tail === undefined ? left : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** The IPv4 address an IPv6 one stands for (mapped `::ffff:a.b.c.d`, compatible `::a.b.c.d`, NAT64 `64:ff9b::`, 6to4 `2002:`), else null. */
export function embeddedIpv4(groups: readonly number[]): string | null {
  const quad = (hi: number, lo: number): string => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zeros = (from: number, to: number): boolean => groups.slice(from, to).every((g) => g === 0);
  if (zeros(0, 5) && (groups[5] === 0xffff || groups[5] === 0)) return quad(groups[6]!, groups[7]!);
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zeros(2, 6)) return quad(groups[6]!, groups[7]!);
  if (groups[0] === 0x2002) return quad(groups[1]!, groups[2]!);
  return null;
}

/**
 * True when an IP address is not a public unicast one: private, loopback, link-local, shared, multicast,
 * documentation, benchmarking or otherwise reserved, in IPv4 or IPv6 (IPv4-mapped and similar IPv6 forms
 * judged by their IPv4 address). A string that is no IP address counts as reserved.
 * @param address - an IPv4 or IPv6 address, IPv6 with or without brackets
 */
export function isReservedAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/gu, '').replace(/%.*$/u, '');
  const family = isIP(bare);
  if (family === 4) return v4Blocked.check(bare, 'ipv4');
  if (family !== 6) return true;
  const groups = ipv6Groups(bare)!;
  const v4 = embeddedIpv4(groups);
  // Note: the deprecated IPv4-compatible form (`::a.b.c.d`, which also covers `::` and `::1`) is refused whole.
  if (v4 !== null) return v4Blocked.check(v4, 'ipv4') || groups.slice(0, 6).every((g) => g === 0);
  return !v6Blocked.check(bare, 'ipv6') || v6Reserved.check(bare, 'ipv6');
}
