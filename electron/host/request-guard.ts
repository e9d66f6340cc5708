import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Who may talk to the browser host. Bound to 127.0.0.1 only, and still: any web page the installer opens can send
 * requests to localhost, and a DNS-rebinding page can even pose as same-origin. So every request must name our exact
 * host:port, and the WebSocket additionally needs our Origin and the per-start token (offered as a subprotocol,
 * because browsers cannot set headers on a WebSocket).
 */

/** The subprotocol the server selects. */
export const WIRE_PROTOCOL = 'lockbench';
/** Prefix of the subprotocol that carries the token: `token.<token>`. */
export const TOKEN_PROTOCOL_PREFIX = 'token.';

/** A fresh token: 32 random bytes, base64url (valid subprotocol characters). New on every start. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The `host:port` values a request to this host may carry. */
function allowedAuthorities(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** True when the Host header names this host exactly (DNS-rebinding defence). */
export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (typeof hostHeader !== 'string') return false;
  return allowedAuthorities(port).includes(hostHeader.toLowerCase());
}

/** True when the Origin header is this host's own page. */
export function isAllowedOrigin(originHeader: string | undefined, port: number): boolean {
  if (typeof originHeader !== 'string') return false;
  return allowedAuthorities(port).some((authority) => originHeader.toLowerCase() === `http://${authority}`);
}

/** Subprotocols offered by a client, from its Sec-WebSocket-Protocol header. */
export function offeredProtocols(header: string | string[] | undefined): string[] {
  const joined = Array.isArray(header) ? header.join(',') : (header ?? '');
  return joined
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/**
 * True when the client offers our protocol and exactly one token protocol carrying `token`. Compared in constant
 * time over SHA-256 digests, so neither the content nor the length of the expected token leaks through timing.
 */
export function offersValidToken(protocols: readonly string[], token: string): boolean {
  if (!protocols.includes(WIRE_PROTOCOL)) return false;
  const tokens = protocols.filter((item) => item.startsWith(TOKEN_PROTOCOL_PREFIX));
  if (tokens.length !== 1) return false;
  const offered = tokens[0]!.slice(TOKEN_PROTOCOL_PREFIX.length);
  return timingSafeEqual(digest(offered), digest(token));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
