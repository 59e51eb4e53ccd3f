import type { IncomingHttpHeaders } from 'node:http';
import { BlockList, isIP } from 'node:net';

/** 127.0.0.0/8 and ::1. BlockList also matches IPv4-mapped IPv6 (::ffff:127.0.0.1) against the IPv4 subnet. */
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/**
 * Headers a reverse proxy adds. A proxy on this machine connects from loopback on behalf of a remote
 * caller, so a request carrying one is not known to come from this machine.
 */
const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'] as const;

/**
 * True when a TCP peer address (`req.socket.remoteAddress`) is this machine: 127.0.0.0/8 or ::1, also in
 * the IPv4-mapped form (::ffff:127.0.0.1) a dual-stack socket reports. Anything unparsable is not loopback.
 */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const family = isIP(address);
  if (family === 0) return false;
  return LOOPBACK.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export type LocalPeerCheck = { ok: true } | { ok: false; reason: 'remote-peer' | 'proxied' };

/**
 * Local mode has no token to check, so the only proof a request is the developer's own (the Emulator, curl)
 * is that it comes straight from this machine. The serviceUrl check alone is not enough: any host could
 * name a loopback serviceUrl and act as any user (e.g. "forget me" with someone else's from.id).
 */
export function checkLocalPeer(remoteAddress: string | undefined, headers: IncomingHttpHeaders): LocalPeerCheck {
  if (!isLoopbackAddress(remoteAddress)) return { ok: false, reason: 'remote-peer' };
  if (PROXY_HEADERS.some((name) => headers[name] !== undefined)) return { ok: false, reason: 'proxied' };
  return { ok: true };
}

/** The 401 text for a refused caller: it says how to leave local mode, since that is the usual fix. */
export const LOCAL_PEER_REFUSED =
  'local mode (no MICROSOFT_APP_ID) accepts only requests sent directly from this machine (127.0.0.0/8, ::1), not from other hosts or through a proxy. ' +
  'To serve Teams or any caller elsewhere, set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD, MICROSOFT_APP_TENANT_ID and MICROSOFT_APP_TYPE ' +
  'from your Azure Bot registration (README: "Install in Teams"); every request must then carry a Bot Framework token.';
