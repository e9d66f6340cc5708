/**
 * The Content Security Policy for the renderer, the same under the browser host (HTTP header) and under Electron
 * (session header). The renderer is untrusted-by-design: only its own scripts, no inline script, no remote anything.
 * `connect-src 'self'` also allows the host's own ws:// origin (CSP Level 3).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** Headers sent with every browser-host response (static files, refusals and errors alike). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), payment=()',
};

/**
 * Cache policy for a served file: the page itself (it carries nothing secret, but the token arrives in its URL
 * fragment) is never stored; hashed build assets may be revalidated.
 */
export function cacheControlFor(relativePath: string): string {
  return relativePath.endsWith('.html') ? 'no-store' : 'no-cache';
}
