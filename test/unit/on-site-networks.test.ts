// The reading-room network rules: which CIDR texts are accepted, and which client addresses match.
import test from 'ava';
import {
  addressInNetworks,
  onSiteNetworkProblems,
  parseOnSiteNetwork,
  readsOnSite,
} from '../../src/institutions/on-site-networks.rules.js';

test('accepted ranges, compared in canonical form', (t) => {
  for (const [text, canonical] of [
    ['202.112.0.0/24', '202.112.0.0/24'],
    ['202.112.0.0/16', '202.112.0.0/16'],
    ['10.1.2.3/32', '10.1.2.3/32'],
    ['2001:DA8:1::/48', '2001:da8:1::/48'],
    ['2001:0da8:0001:0000::/64', '2001:da8:1::/64'],
    ['2001:da8::/32', '2001:da8::/32'],
  ] as const) {
    t.deepEqual(parseOnSiteNetwork(text), { canonical }, text);
  }
});

test('refused ranges name their rule', (t) => {
  for (const [text, rule] of [
    ['0.0.0.0/0', 'cidr_too_broad'],
    ['202.0.0.0/15', 'cidr_too_broad'],
    ['2001::/31', 'cidr_too_broad'],
    ['202.112.0.1/24', 'cidr_host_bits'],
    ['::ffff:0:0/96', 'cidr_ipv4_mapped'],
    ['202.112.0.0', 'cidr'],
    ['202.112.0.0/', 'cidr'],
    ['202.112.0.0/24/8', 'cidr'],
    ['202.112.0.256/24', 'cidr'],
    ['127.1/24', 'cidr'],
    ['010.0.0.0/24', 'cidr'],
    ['2001:da8::1::/48', 'cidr'],
    ['2001:da8:1::/129', 'cidr'],
    ['localhost/24', 'cidr'],
    ['', 'cidr'],
  ] as const) {
    const parsed = parseOnSiteNetwork(text);
    t.is('code' in parsed ? parsed.code : 'accepted', rule, text);
  }
});

test('a list: duplicates (also in another spelling) and every bad entry reported with its path', (t) => {
  t.deepEqual(onSiteNetworkProblems(['202.112.0.0/24', '2001:da8:1::/48']), []);
  const problems = onSiteNetworkProblems(['2001:DA8:1::/48', 'x', '2001:da8:1::/48']);
  t.deepEqual(
    problems.map((p) => [p.field, p.code]),
    [
      ['networks[1]', 'cidr'],
      ['networks[2]', 'unique'],
    ],
  );
  t.regex(problems[1]!.messageZh, /重复/);
  t.regex(problems[1]!.messageEn, /repeats networks\[0\]/);
});

test('matching: IPv4, IPv6, IPv4-mapped clients as IPv4, never across kinds', (t) => {
  const nets = ['202.112.0.0/24', '2001:da8:1::/48', '::/32'];
  t.true(addressInNetworks('202.112.0.77', nets));
  t.true(addressInNetworks('::ffff:202.112.0.77', nets), 'what a server on :: sees of an IPv4 client');
  t.false(addressInNetworks('202.112.1.77', nets));
  t.true(addressInNetworks('2001:da8:1:ffff::5', nets));
  t.false(addressInNetworks('2001:da8:2::5', nets));
  t.false(addressInNetworks('::ffff:8.8.8.8', nets), 'an IPv6 range never takes in IPv4 clients');
  t.false(addressInNetworks('', nets));
  t.false(addressInNetworks('not an address', nets));
  t.false(addressInNetworks('202.112.0.77', []));
});

test('only on_site books are read on site', (t) => {
  t.true(readsOnSite('on_site', ['127.0.0.0/24'], '127.0.0.1'));
  t.false(readsOnSite('metadata_only', ['127.0.0.0/24'], '127.0.0.1'));
  t.false(readsOnSite('open', ['127.0.0.0/24'], '127.0.0.1'));
  t.false(readsOnSite('on_site', ['127.0.0.0/24'], '10.0.0.1'));
});
