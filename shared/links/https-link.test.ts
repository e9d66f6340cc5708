import { describe, expect, it } from 'vitest';
import { isCodedError } from '../result';
import { httpsLinkOf } from './https-link';

const codeOf = (url: string): string => {
  try {
    return httpsLinkOf(url);
  } catch (e) {
    return isCodedError(e) ? e.code : String(e);
  }
};

describe('httpsLinkOf', () => {
  it('lets an https link through, normalised', () => {
    expect(httpsLinkOf('HTTPS://docs.seam.co/latest/api?x=1#top')).toBe('https://docs.seam.co/latest/api?x=1#top');
  });

  it('refuses every other kind of link with app.link_refused', () => {
    for (const url of ['http://example.com', 'file:///etc/passwd', 'mailto:support@example.com', 'ms-settings:bluetooth', 'javascript:alert(1)', 'https://ana:secret@example.com', 'not a url', '']) {
      expect(codeOf(url), url).toBe('app.link_refused');
    }
  });
});
