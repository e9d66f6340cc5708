import { describe, expect, it } from 'vitest';
import { createToken, isAllowedHost, isAllowedOrigin, offeredProtocols, offersValidToken } from './request-guard';

describe('request guard', () => {
  it('creates a new 32-byte base64url token each time', () => {
    const a = createToken();
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(a).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(createToken()).not.toBe(a);
  });

  it('allows only our own host:port', () => {
    expect(isAllowedHost('127.0.0.1:5000', 5000)).toBe(true);
    expect(isAllowedHost('LOCALHOST:5000', 5000)).toBe(true);
    for (const bad of [undefined, '', '127.0.0.1', '127.0.0.1:5001', 'evil.com:5000', '[::1]:5000', 'localhost:5000.evil.com']) {
      expect(isAllowedHost(bad, 5000), String(bad)).toBe(false);
    }
  });

  it('allows only our own origin', () => {
    expect(isAllowedOrigin('http://127.0.0.1:5000', 5000)).toBe(true);
    expect(isAllowedOrigin('http://localhost:5000', 5000)).toBe(true);
    for (const bad of [undefined, 'null', 'https://127.0.0.1:5000', 'http://127.0.0.1:5000/', 'http://evil.com', 'file://']) {
      expect(isAllowedOrigin(bad, 5000), String(bad)).toBe(false);
    }
  });

  it('checks the token subprotocol', () => {
    const token = createToken();
    expect(offersValidToken(offeredProtocols(`lockbench, token.${token}`), token)).toBe(true);
    expect(offersValidToken(offeredProtocols(['lockbench', `token.${token}`]), token)).toBe(true);
    expect(offersValidToken(offeredProtocols(`token.${token}`), token)).toBe(false);
    expect(offersValidToken(offeredProtocols('lockbench'), token)).toBe(false);
    expect(offersValidToken(offeredProtocols(`lockbench, token.${token}x`), token)).toBe(false);
    expect(offersValidToken(offeredProtocols(`lockbench, token.${token.slice(1)}`), token)).toBe(false);
    expect(offersValidToken(offeredProtocols(`lockbench, token.${token}, token.${token}`), token)).toBe(false);
    expect(offersValidToken(offeredProtocols(undefined), token)).toBe(false);
  });
});
