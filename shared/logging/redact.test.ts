import { describe, expect, it } from 'vitest';
import { REDACTED, isSecretField, redactLogLine, secretKindOf } from './redact';

/** Lines as Lockbench, zwave-js, Seam's client and the browser host write them, each with the secret it carries. */
const MUST_HIDE: Array<[line: string, secret: string]> = [
  ['[codes] set code on door-3: PIN 482193 (slot 4)', '482193'],
  ['[Node 005] [REQ] [SendData] └─[UserCodeCCSet] user id: 12, id status: Enabled, user code: 4821', '4821'],
  ['{"access_code_id":"b5e7c3a0-1234-4f6a-9a1b-3c2d1e0f9a8b","code":"739184","slot":3}', '739184'],
  ['{"pin":"1234","door":"door-1"}', '1234'],
  ['codes.create door=door-2 pin=998877 name="Cleaner"', '998877'],
  ['keypad code is 20251130 for the cleaner', '20251130'],
  ['Nuki: wrong security PIN 8642 (3 tries left)', '8642'],
  ['nuki securityPin: 135790', '135790'],
  ['Passcode 55443322 refused by the lock', '55443322'],
  ['CODE: 4455 duplicate', '4455'],
  ['user code 7: 839201', '839201'],
  ['UserCode 12 = 5566 read back', '5566'],
  ['PIN-Code 7777 abgelehnt', '7777'],
  ['bulk plan {"codes":["4821","9130"],"doors":2}', '9130'],
  ['access code of 314159 set', '314159'],
  ['pins: 1234, 5678 queued', '5678'],
  ['[sync] POST https://connect.getseam.com/access_codes/create with key seam_test2ZTo_0mEYQW2TvNDCxG5Atpj85Ffw', 'seam_test2ZTo_0mEYQW2TvNDCxG5Atpj85Ffw'],
  ['cloud account saved: seam_apikey1_token', 'apikey1_token'],
  ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVPmB92K27uhbUJU1p1r', 'eyJhbGciOiJIUzI1NiJ9'],
  ['headers {"authorization":"Bearer seam_cst1234_AbCdEfGh"}', 'AbCdEfGh'],
  ['token=Zx81kq-pp9w2 refreshed', 'Zx81kq-pp9w2'],
  ['{"access_token":"ya29.a0AfH6SMC","expires_in":3599}', 'ya29.a0AfH6SMC'],
  ['[host] open http://127.0.0.1:5174/?token=4f7d0a9e2b11c6aa#doors in the browser', '4f7d0a9e2b11c6aa'],
  ['[host] page at http://127.0.0.1:5174/#token=k9Vx2pQ7&view=doors', 'k9Vx2pQ7'],
  ['[zwave] S2 key 0x1F9A2B3C4D5E6F708192A3B4C5D6E7F8 loaded', '1F9A2B3C4D5E6F708192A3B4C5D6E7F8'],
  ['networkKey: 9c1f2e3d4b5a69788796a5b4c3d2e1f0', '9c1f2e3d4b5a69788796a5b4c3d2e1f0'],
  ['securityKeys.S2_AccessControl = [0x1f, 0x9a, 0x2b, 0x3c, 0x4d, 0x5e, 0x6f, 0x70, 0x81, 0x92, 0xa3, 0xb4, 0xc5, 0xd6, 0xe7, 0xf8]', '0x1f, 0x9a'],
  ['S2 key [31, 154, 43, 60, 77, 94, 111, 112, 129, 146, 163, 180, 197, 214, 231, 248]', '31, 154, 43'],
  ['key <Buffer 1f 9a 2b 3c 4d 5e 6f 70 81 92 a3 b4 c5 d6 e7 f8>', '1f 9a 2b'],
  ['[nuki] paired, shared key aGVsbG8gd29ybGQgdGhpcyBpcyBhIHNlY3JldCBrZXkhISE1MjM0NQ==', 'aGVsbG8gd29ybGQgdGhpcyBpcyBhIHNlY3JldCBrZXkhISE1MjM0NQ'],
  ['[nuki] sharedKey=hex:3a5f9c0e7d1b2a4f6c8e0d2b4a6f8c1e3d5b7a9f0e2c4d6b8a0f1e3c5d7b9a1f', '3a5f9c0e7d1b2a4f6c8e0d2b4a6f8c1e'],
  ['cloud {"api_key":"sk_live_51HxyzABC","workspace":"ws-1"}', 'sk_live_51HxyzABC'],
  ['login password: correct horse battery staple, user=ana', 'correct horse battery staple'],
  ['{"client_secret":"s3cr3t value"}', 's3cr3t value'],
  ['db secret=hunter2; retrying', 'hunter2'],
  ['payload {\\"token\\":\\"abc123xyz\\"}', 'abc123xyz'],
];

/** Lines whose facts support needs: they must come out exactly as they went in. */
const MUST_KEEP = [
  '[Node 005] [REQ] [SendData] └─[UserCodeCCGet] user id: 12',
  'slot 12 cleared on door-3 after 1500 ms',
  'home id 0x4c4b4242, node 14 interviewed in 2300 ms',
  '2026-11-30T09:00:00.000Z time keeper: lock clock off by 95 s at 10:42:01',
  'sync.server_error: HTTP status code 503 after 3 tries, error code 1234 from the stick',
  '[ipc] codes.create: handler failed: lock.no_answer (ZW0204) code ZW0204',
  'door b5e7c3a0-1234-4f6a-9a1b-3c2d1e0f9a8b placed on floor 3',
  'Encrypted the PINs in /home/ana/.config/Lockbench/sites/site-1.json (an earlier Lockbench stored them in clear).',
  'at createAppServices (file:///work/main/out/main/index.js:4210:17)',
  'check item key: access_codes verdict pass',
  'codes_from_elsewhere: 3, slots [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]',
  'secrets.unavailable: unlock the keyring and open Lockbench again',
  'seam_bridge device offline for 86400 s',
  'commit 4e1d9a7',
  'the token was refused (sync.unauthorized); enter a new API key',
  'user code 3 of 24 written',
];

describe('redactLogLine', () => {
  it.each(MUST_HIDE)('hides the secret in %s', (line, secret) => {
    expect(line).toContain(secret); // the corpus itself carries it: without redaction this test fails
    const out = redactLogLine(line);
    expect(out).not.toContain(secret);
    expect(out).toContain(REDACTED);
  });

  it.each(MUST_KEEP)('keeps %s as it is', (line) => {
    expect(redactLogLine(line)).toBe(line);
  });

  it('keeps the words around a hidden value so the line still says what happened', () => {
    expect(redactLogLine('[codes] set code on door-3: PIN 482193 (slot 4)')).toBe(`[codes] set code on door-3: PIN ${REDACTED} (slot 4)`);
    expect(redactLogLine('{"pin":"1234","slot":12}')).toBe(`{"pin":"${REDACTED}","slot":12}`);
    expect(redactLogLine('key seam_test2ZTo_0mEYQ')).toBe(`key seam_${REDACTED}`);
    expect(redactLogLine('http://127.0.0.1:5174/?token=abcdef123456&x=1')).toBe(`http://127.0.0.1:5174/?token=${REDACTED}&x=1`);
    expect(redactLogLine('Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc')).toBe(`Authorization: ${REDACTED}`);
    expect(redactLogLine('[zwave] S2 key 0x1F9A2B3C4D5E6F708192A3B4C5D6E7F8 loaded')).toBe(`[zwave] S2 key 0x${REDACTED} loaded`);
  });

  it('changes nothing when run again on its own output (files are redacted again on read)', () => {
    for (const [line] of MUST_HIDE) {
      const once = redactLogLine(line);
      expect(redactLogLine(once)).toBe(once);
    }
  });

  it('hides PINs inside a multi-line stack', () => {
    const stack = 'CodedError: lock refused code 4821\n    at setCode (file:///app/out/main/index.js:10:5)';
    expect(redactLogLine(stack)).toBe(`CodedError: lock refused code ${REDACTED}\n    at setCode (file:///app/out/main/index.js:10:5)`);
  });
});

describe('secret field names', () => {
  it('tells PIN, secret and key fields from the rest', () => {
    expect(['pin', 'code', 'userCode', 'keypad_code', 'securityPin', 'passcode', 'pins'].map(secretKindOf)).toEqual(Array(7).fill('pin'));
    expect(['password', 'client_secret', 'accessToken', 'api_key', 'networkKey', 'sharedKeys', 'Authorization'].map(secretKindOf)).toEqual(Array(7).fill('secret'));
    expect(['error_code', 'statusCode', 'codes_from_elsewhere', 'slot', 'node_id', 'checked_at', 'spin'].map(secretKindOf)).toEqual(Array(7).fill(null));
  });

  it('keeps a bare `key` that names something (a capability item) and drops one that holds bytes', () => {
    expect(isSecretField('key', 'access_codes')).toBe(false);
    expect(isSecretField('key', '9c1f2e3d4b5a6978')).toBe(true);
    expect(isSecretField('code', 1234)).toBe(true);
    expect(isSecretField('finding', 'The lock holds keypad codes.')).toBe(false);
  });
});
