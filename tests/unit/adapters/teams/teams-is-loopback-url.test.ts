import { isLoopbackUrl } from '../../../../src/adapters/teams/is-loopback-url';

describe('isLoopbackUrl', () => {
  it.each([
    ['http://localhost:3979/', true],
    ['http://LOCALHOST/', true],
    ['https://127.0.0.1/', true],
    ['http://127.5.6.7:8080/x', true],
    ['http://[::1]:3979/', true],
    ['http://127.1/', true],
    ['http://0x7f.0.0.1/', true],
    ['https://example.com/', false],
    ['https://smba.trafficmanager.net/amer/', false],
    ['http://127.0.0.1.example.com/', false],
    ['http://localhost.example.com/', false],
    ['http://10.0.0.1/', false],
    ['http://0.0.0.0/', false],
    ['http://[::ffff:8.8.8.8]/', false],
    ['http://user:pass@127.0.0.1/', false],
    ['file:///etc/passwd', false],
    ['ftp://127.0.0.1/', false],
    ['not a url', false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(isLoopbackUrl(url)).toBe(expected);
  });
});
