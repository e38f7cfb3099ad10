/**
 * The renderer's Content-Security-Policy as the browser enforces it, not only as it is written
 * (src-main/csp.test.ts checks the text): injected inline scripts and inline event handlers do
 * not run, and the page cannot load from or connect to any other origin. (Playwright's own
 * `evaluate` runs with DevTools' exemption from CSP, so the probes below inject code the way an
 * attacker's text would, as DOM, instead of calling eval from the test.)
 */
import { expect, test } from './fixtures';

test.describe('content security policy', () => {
  test('injected inline scripts and inline event handlers do not run', async ({ app }) => {
    const outcome = await app.page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.body.append(script);
      const button = document.createElement('button');
      button.setAttribute('onclick', 'window.handlerRan = true');
      document.body.append(button);
      button.click();
      button.remove();
      await new Promise(done => setTimeout(done, 50));
      const w = window as { inlineRan?: boolean; handlerRan?: boolean };
      return { inline: w.inlineRan ?? false, handler: w.handlerRan ?? false };
    });
    expect(outcome).toEqual({ inline: false, handler: false });
  });

  test('the page cannot fetch from or load images from another origin', async ({ app }) => {
    // Were the requests let through, this route would answer them: a refusal below is then the
    // policy's doing, not the missing network of an offline machine.
    const PIXEL = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
      'base64',
    );
    const answered: string[] = [];
    await app.page.route('https://example.com/**', route => {
      answered.push(route.request().url());
      return route.fulfill({
        status: 200,
        headers: { 'access-control-allow-origin': '*' },
        contentType: route.request().url().endsWith('.png') ? 'image/png' : 'text/plain',
        body: route.request().url().endsWith('.png') ? PIXEL : 'hello',
      });
    });
    const outcome = await app.page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', e =>
        violations.push(e.effectiveDirective),
      );
      const fetched = await fetch('https://example.com/').then(
        () => 'fetched',
        () => 'refused',
      );
      const image = await new Promise<string>(done => {
        const img = new Image();
        img.onload = () => done('loaded');
        img.onerror = () => done('refused');
        img.src = 'https://example.com/pixel.png';
      });
      await new Promise(done => setTimeout(done, 50));
      return { fetched, image, violations: [...new Set(violations)].sort() };
    });
    expect(outcome).toEqual({
      fetched: 'refused',
      image: 'refused',
      violations: ['connect-src', 'img-src'],
    });
    expect(answered).toEqual([]);
    // Chromium reports the image it then blocks as a request; nothing answered it (above), so
    // this one attempt is not counted against the fixture's offline check.
    app.requestedHosts.delete('example.com');
  });
});
