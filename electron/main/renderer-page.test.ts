import { describe, expect, it } from 'vitest';
import { APP_PAGE_URL, createRendererPage, isTrustedSender } from './renderer-page';

describe('createRendererPage (the built renderer on app://lockbench)', () => {
  const page = createRendererPage();

  it('loads app://lockbench/index.html and accepts it with any hash or query', () => {
    expect(page.url).toBe('app://lockbench/index.html');
    expect(APP_PAGE_URL).toBe(page.url);
    for (const url of ['app://lockbench/index.html', 'app://lockbench/index.html#/doors/1', 'app://lockbench/index.html?x=1', 'app://lockbench/', 'app://LOCKBENCH/index.html']) {
      expect(page.isOurPage(url), url).toBe(true);
    }
  });

  it('refuses every other page: file://, other hosts, ports, users, paths and schemes', () => {
    for (const url of [
      'file:///opt/Lockbench/resources/app.asar/out/renderer/index.html',
      'file:///etc/passwd',
      'app://evil/index.html',
      'app://lockbench.evil/index.html',
      'app://lockbench:8080/index.html',
      'app://user@lockbench/index.html',
      'app://lockbench/other.html',
      'app://lockbench/assets/index.js',
      'app://lockbench/../index.html/x',
      'apps://lockbench/index.html',
      'https://lockbench/index.html',
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

  it('ignores a dev server URL that is not local http', () => {
    for (const devServerUrl of ['https://evil.example/', 'http://evil.example:5173/', 'file:///tmp/x.html', 'app://lockbench/', 'garbage']) {
      expect(createRendererPage({ devServerUrl }).url).toBe(APP_PAGE_URL);
    }
  });
});

describe('createRendererPage (dev server)', () => {
  const page = createRendererPage({ devServerUrl: 'http://localhost:5173/' });

  it('loads the dev server and accepts only its origin', () => {
    expect(page.url).toBe('http://localhost:5173/');
    expect(page.isOurPage('http://localhost:5173/#/x')).toBe(true);
    expect(page.isOurPage('http://localhost:5174/')).toBe(false);
    expect(page.isOurPage('http://127.0.0.1:5173/')).toBe(false);
    expect(page.isOurPage(APP_PAGE_URL)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const page = createRendererPage();
  const ours = { webContentsId: 7, frame: { url: `${APP_PAGE_URL}#/`, isMainFrame: true } };

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
