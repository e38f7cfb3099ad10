import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_HEADER_ONLY } from './csp';

const indexHtml = readFileSync(new URL('../src-renderer/index.html', import.meta.url), 'utf8');

function metaPolicy(html: string): string | null {
  const tag = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  return tag ? tag[1] : null;
}

describe('CONTENT_SECURITY_POLICY', () => {
  it('is exactly the policy in the meta tag of the renderer page', () => {
    expect(metaPolicy(indexHtml)).toBe(CONTENT_SECURITY_POLICY);
  });

  it('allows no inline or evaluated script and no other origin', () => {
    for (const policy of [CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY + CSP_HEADER_ONLY]) {
      expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval/);
      expect(policy).not.toMatch(/\*|https?:/);
    }
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('has a single CSP meta tag, so no second policy can loosen it', () => {
    expect(indexHtml.match(/http-equiv="Content-Security-Policy"/gi)).toHaveLength(1);
  });
});

describe('CSP_HEADER_ONLY', () => {
  it('forbids framing the app, which only a header can do', () => {
    expect(CSP_HEADER_ONLY).toBe("; frame-ancestors 'none'");
    expect(metaPolicy(indexHtml)).not.toContain('frame-ancestors');
  });
});
