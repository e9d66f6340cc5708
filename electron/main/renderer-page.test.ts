import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRendererPage, isTrustedSender } from './renderer-page';

const indexFileUrl = pathToFileURL('/opt/Lockbench/resources/app.asar/out/renderer/index.html').href;

describe('createRendererPage (built file)', () => {
  const page = createRendererPage({ indexFileUrl });

  it('loads the built index and accepts it with any hash or query', () => {
    expect(page.url).toBe(indexFileUrl);
    expect(page.isOurPage(indexFileUrl)).toBe(true);
    expect(page.isOurPage(`${indexFileUrl}#/doors/1`)).toBe(true);
    expect(page.isOurPage(`${indexFileUrl}?x=1`)).toBe(true);
  });

  it('refuses every other page', () => {
    for (const url of [
      pathToFileURL('/opt/Lockbench/resources/app.asar/out/renderer/other.html').href,
      pathToFileURL('/etc/passwd').href,
      'file://evil-host/opt/Lockbench/resources/app.asar/out/renderer/index.html',
      'https://evil.example/index.html',
      'http://127.0.0.1:5173/',
      'data:text/html,<script>1</script>',
      'about:blank',
      'javascript:alert(1)',
      '',
      'not a url',
    ]) {
      expect(page.isOurPage(url), url).toBe(false);
    }
  });

  it('folds case only where paths are case-insensitive', () => {
    const upper = indexFileUrl.replace('Lockbench', 'LOCKBENCH');
    expect(page.isOurPage(upper)).toBe(false);
    expect(createRendererPage({ indexFileUrl, isCaseInsensitive: true }).isOurPage(upper)).toBe(true);
  });

  it('ignores a dev server URL that is not local http', () => {
    for (const devServerUrl of ['https://evil.example/', 'http://evil.example:5173/', 'file:///tmp/x.html', 'garbage']) {
      expect(createRendererPage({ indexFileUrl, devServerUrl }).url).toBe(indexFileUrl);
    }
  });
});

describe('createRendererPage (dev server)', () => {
  const page = createRendererPage({ indexFileUrl, devServerUrl: 'http://localhost:5173/' });

  it('loads the dev server and accepts only its origin', () => {
    expect(page.url).toBe('http://localhost:5173/');
    expect(page.isOurPage('http://localhost:5173/#/x')).toBe(true);
    expect(page.isOurPage('http://localhost:5174/')).toBe(false);
    expect(page.isOurPage('http://127.0.0.1:5173/')).toBe(false);
    expect(page.isOurPage(indexFileUrl)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const page = createRendererPage({ indexFileUrl });
  const ours = { webContentsId: 7, frame: { url: `${indexFileUrl}#/`, isMainFrame: true } };

  it('trusts the main frame of our window on our page', () => {
    expect(isTrustedSender(ours, 7, page)).toBe(true);
  });

  it('refuses other windows, subframes, destroyed frames and other pages', () => {
    expect(isTrustedSender(ours, 8, page)).toBe(false);
    expect(isTrustedSender(ours, null, page)).toBe(false);
    expect(isTrustedSender({ ...ours, frame: { ...ours.frame, isMainFrame: false } }, 7, page)).toBe(false);
    expect(isTrustedSender({ ...ours, frame: null }, 7, page)).toBe(false);
    expect(isTrustedSender({ ...ours, frame: { url: 'https://evil.example/', isMainFrame: true } }, 7, page)).toBe(false);
  });
});
