import { checkLocalPeer, isLoopbackAddress } from '../../../../src/adapters/teams/local-mode';

describe('isLoopbackAddress (the TCP peer in local mode)', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['0:0:0:0:0:0:0:1', true],
    ['::ffff:127.0.0.1', true],
    ['::FFFF:127.0.0.2', true],
    ['::ffff:7f00:1', true],
    ['192.0.2.2', false],
    ['10.0.0.1', false],
    ['0.0.0.0', false],
    ['::', false],
    ['::ffff:192.0.2.2', false],
    ['::ffff:10.0.0.1', false],
    ['fe80::1', false],
    ['fd00::2', false],
    ['128.0.0.1', false],
    ['localhost', false],
    ['127.0.0.1.example.com', false],
    ['', false],
    [undefined, false],
  ])('%p → %p', (address, expected) => {
    expect(isLoopbackAddress(address)).toBe(expected);
  });
});

describe('checkLocalPeer', () => {
  it('accepts a direct request from this machine', () => {
    expect(checkLocalPeer('127.0.0.1', { 'content-type': 'application/json' })).toEqual({ ok: true });
    expect(checkLocalPeer('::ffff:127.0.0.1', {})).toEqual({ ok: true });
  });

  it('refuses a peer on another host, whatever its headers say', () => {
    expect(checkLocalPeer('192.0.2.7', { host: 'localhost:3978' })).toEqual({ ok: false, reason: 'remote-peer' });
    expect(checkLocalPeer(undefined, {})).toEqual({ ok: false, reason: 'remote-peer' });
  });

  it.each(['forwarded', 'x-forwarded-for', 'x-real-ip'])('refuses a loopback peer relaying for someone else (%s header)', (header) => {
    expect(checkLocalPeer('127.0.0.1', { [header]: '192.0.2.7' })).toEqual({ ok: false, reason: 'proxied' });
  });
});
