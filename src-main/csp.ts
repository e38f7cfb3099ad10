/**
 * The Content-Security-Policy of the renderer, in one place: the page's meta tag (checked equal by
 * a test), the Electron session's response headers and the browser preview's headers all use it.
 * No inline or evaluated script; network only to the page's own origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/** Directives that only work as a response header, not in a meta tag. */
export const CSP_HEADER_ONLY = "; frame-ancestors 'none'";
