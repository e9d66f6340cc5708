import { describe, expect, it } from 'vitest';
import { cloudAccountInputSchema } from './cloud';

describe('cloudAccountInputSchema', () => {
  const accepts = (endpoint: string) => cloudAccountInputSchema.safeParse({ kind: 'api_key', apiKey: 'seam_12345678', endpoint }).success;

  it('sends a key only over https, or plain http to this computer (a local demo or test server)', () => {
    expect(accepts('https://connect.getseam.com')).toBe(true);
    expect(accepts('http://127.0.0.1:4000')).toBe(true);
    expect(accepts('http://localhost:3000/')).toBe(true);
    expect(accepts('http://example.com')).toBe(false);
    expect(accepts('http://127.0.0.1.evil.example')).toBe(false);
  });

  it('needs the workspace id with a personal access token, and names what is missing', () => {
    const result = cloudAccountInputSchema.safeParse({ kind: 'personal_access_token', token: 'seam_at_12345678', workspaceId: '' });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('workspace id');
  });
});
