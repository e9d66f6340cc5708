import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveStaticTarget } from './static-files';

describe('resolveStaticTarget', () => {
  it('maps request paths to files under the renderer folder', () => {
    expect(resolveStaticTarget('/')).toEqual({ kind: 'file', relativePath: 'index.html' });
    expect(resolveStaticTarget('/?x=1#y')).toEqual({ kind: 'file', relativePath: 'index.html' });
    expect(resolveStaticTarget('/assets/app-1a2b.js')).toEqual({ kind: 'file', relativePath: 'assets/app-1a2b.js' });
    expect(resolveStaticTarget('/assets/my%20font.woff2')).toEqual({ kind: 'file', relativePath: 'assets/my font.woff2' });
  });

  it('refuses anything that could leave the folder', () => {
    for (const target of ['/../package.json', '/..', '/assets/../../x', '/%2e%2e/x', '/%2E%2E%2Fx', '/a/%2e/b', '/.env', '/a\\..\\b', '/a%5c..%5cb', '/%00', '//etc/passwd', 'relative', '', '/%zz', 'http://evil/x']) {
      expect(resolveStaticTarget(target).kind, target).toBe('refused');
    }
  });
});

describe('contentTypeFor', () => {
  it('knows what vite emits', () => {
    expect(contentTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a.bin')).toBe('application/octet-stream');
  });
});
