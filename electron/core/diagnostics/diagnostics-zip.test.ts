import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { BuiltFile } from '../../../shared/domain/report';
import { buildDiagnostics, scrubForDiagnostics, type DiagnosticsInput } from './diagnostics-zip';

const PIN = '482193';
const SEAM_KEY = 'seam_test2ZTo_0mEYQW2TvNDCxG5Atpj85Ffw';
const NETWORK_KEY = '9C1F2E3D4B5A69788796A5B4C5D6E7F8';

/** A stored check, with secrets planted where a faulty build could have put them. */
const check = {
  door_id: 'door-1',
  checked_at: '2026-11-29T14:00:00.000Z',
  overall: 'warn',
  items: [
    { key: 'access_codes', label: 'Access codes', verdict: 'pass', finding: `The lock took code ${PIN} in slot 12.`, advice: null, source: 'lock' },
    { key: 'online', label: 'Online', verdict: 'warn', finding: `Cloud refused key ${SEAM_KEY}.`, advice: 'Check the API key.', source: 'cloud', code: PIN, networkKey: NETWORK_KEY },
  ],
  codes_from_elsewhere: 2,
};

const input = (over: Partial<DiagnosticsInput> = {}): DiagnosticsInput => ({
  now: new Date(2026, 10, 30, 10, 5), // local time: the name says what the installer's clock said
  build: { version: '0.1.0', isSigned: false, commit: '4e1d9a7c0b2f8e6d5a3c1b9f7e5d3c1a0b2f4e6d', runtime: { electron: '45.5.0', node: '22.20.0', os: 'Windows 11 (10.0.26100)' } },
  // Log files holding what an older build might have written unredacted:
  logs: [
    { name: 'main.old.log', text: `[codes] set code on door-1: PIN ${PIN} (slot 12)\n` },
    { name: 'main.log', text: `[sync] key ${SEAM_KEY} refused\n[zwave] home id 0x4c4b4242, network key ${NETWORK_KEY}\n` },
  ],
  crashDumps: [{ name: 'completed/c0ffee.dmp', bytes: 204800, modifiedAt: '2026-11-29T08:00:00.000Z' }],
  sites: [{ id: 'site-1', name: 'Harbour View', doors: [{ id: 'door-1', name: 'Front door', protocol: 'zwave', checks: [check] }, { id: 'door-2', name: 'Back door', protocol: 'nuki', checks: [] }] }],
  notices: ['Set the damaged file sites/site-2.json aside.'],
  ...over,
});

const unzip = (file: BuiltFile): Record<string, string> =>
  Object.fromEntries(Object.entries(unzipSync(Buffer.from(file.base64, 'base64'))).map(([name, bytes]) => [name, strFromU8(bytes)]));

describe('buildDiagnostics', () => {
  it('zips the README, about, logs, each door’s checks and the crash dump list, named for the local time', () => {
    const file = buildDiagnostics(input());
    expect(file).toMatchObject({ fileName: 'lockbench-diagnostics-2026-11-30-1005.zip', mimeType: 'application/zip' });
    expect(file.bytes).toBe(Buffer.from(file.base64, 'base64').length);
    const entries = unzip(file);
    expect(Object.keys(entries).sort()).toEqual(['README.txt', 'about.json', 'checks/site-1/door-1.json', 'checks/site-1/door-2.json', 'crash-dumps.json', 'logs/main.log', 'logs/main.old.log']);
    expect(entries['README.txt']).toContain('What is NOT inside');
    expect(entries['README.txt']).toContain('No crash dump contents');
    expect(JSON.parse(entries['about.json']!)).toMatchObject({ build: { version: '0.1.0', commit: '4e1d9a7c0b2f8e6d5a3c1b9f7e5d3c1a0b2f4e6d', runtime: { os: 'Windows 11 (10.0.26100)' } }, notices: ['Set the damaged file sites/site-2.json aside.'] });
    expect(JSON.parse(entries['crash-dumps.json']!).dumps).toEqual([{ name: 'completed/c0ffee.dmp', bytes: 204800, modifiedAt: '2026-11-29T08:00:00.000Z' }]);
    const stored = JSON.parse(entries['checks/site-1/door-1.json']!);
    expect(stored.door).toEqual({ id: 'door-1', name: 'Front door', protocol: 'zwave' });
    expect(stored.checks[0].items.map((i: { key: string }) => i.key)).toEqual(['access_codes', 'online']);
    expect(stored.checks[0].items[0].finding).toBe('The lock took code [redacted] in slot 12.');
    expect(stored.checks[0].codes_from_elsewhere).toBe(2);
    expect(entries['logs/main.log']).toContain('home id 0x4c4b4242');
  });

  it('has no PIN, Seam key or network key in any entry, whether planted in a log line or in a check', () => {
    const entries = unzip(buildDiagnostics(input()));
    for (const [name, text] of Object.entries(entries)) {
      for (const secret of [PIN, SEAM_KEY, NETWORK_KEY]) expect(text, `${name} holds ${secret}`).not.toContain(secret);
    }
    const online = JSON.parse(entries['checks/site-1/door-1.json']!).checks[0].items[1];
    expect(online).not.toHaveProperty('code');
    expect(online).not.toHaveProperty('networkKey');
  });

  it('builds the zip without logs and redacts the notices it carries into about.json', () => {
    const entries = unzip(buildDiagnostics(input({ logs: [], notices: [`The checks of site site-2 could not be read (pin=${PIN}).`] })));
    expect(Object.keys(entries).filter((n) => n.startsWith('logs/'))).toEqual([]);
    expect(JSON.parse(entries['about.json']!).notices).toEqual(['The checks of site site-2 could not be read (pin=[redacted]).']);
  });

  it('keeps names from the store and the disk inside their folder', () => {
    const sites = [{ id: '../../etc', name: 'x', doors: [{ id: 'a/b', name: 'y', protocol: 'zwave', checks: [] }] }];
    const entries = unzip(buildDiagnostics(input({ sites, logs: [{ name: '../evil.log', text: '' }, { name: '..', text: '' }] })));
    expect(Object.keys(entries).flatMap((n) => n.split('/')).filter((segment) => segment === '..' || segment === '.')).toEqual([]);
    expect(Object.keys(entries)).toEqual(expect.arrayContaining(['checks/.._.._etc/a_b.json', 'logs/.._evil.log', 'logs/_']));
  });
});

describe('scrubForDiagnostics', () => {
  it('drops secret fields at any depth, redacts strings and keeps numbers, booleans and plain keys', () => {
    expect(scrubForDiagnostics({ pin: '1234', slot: 12, ok: true, key: 'clock', nested: [{ securityPin: 1234, token: 'abc', finding: 'PIN 987654 refused' }] })).toEqual({
      slot: 12,
      ok: true,
      key: 'clock',
      nested: [{ finding: 'PIN [redacted] refused' }],
    });
  });
});
