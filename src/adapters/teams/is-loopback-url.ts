/**
 * True when a URL points at this machine: 127.0.0.0/8, ::1 or localhost, over http or https. WHATWG URL
 * parsing normalises the host first, so "http://0x7f.1/" and "http://127.1/" count as 127.0.0.1 and
 * "http://127.0.0.1.example.com/" does not.
 */
export function isLoopbackUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  const host = parsed.hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** An IPv6 literal host ("http://[::1]:3978/"): botbuilder's connector client resolves the brackets as a name and fails. */
export function isBracketedIpv6(url: string): boolean {
  try {
    return new URL(url).hostname.startsWith('[');
  } catch {
    return false;
  }
}
