import { describe, expect, it } from 'vitest';
import { aboutBoxOptions, showAboutBox } from './about-box';
import type { DesktopBuildFacts } from './build-facts';
import { createStandInElectron } from './testing/stand-in-electron';

const runtime = { electron: '45.5.0', chrome: '142.0.7444.52', node: '22.20.0', os: 'Windows 10.0.26100 (x64)' };
const signed: DesktopBuildFacts = { version: '0.2.0', isSigned: true, commit: 'a1b2c3d', builtAt: '2026-11-30T10:00:00Z', runtime };
const unsigned: DesktopBuildFacts = { version: '0.1.0', isSigned: false, commit: null, builtAt: null, runtime };

describe('the About box', () => {
  it('names a signed build with its version, commit, build date, runtime and OS', () => {
    const box = aboutBoxOptions('Lockbench', signed);
    expect(box).toMatchObject({ title: 'About Lockbench', message: 'Lockbench 0.2.0', type: 'info', buttons: ['OK'] });
    expect(box.detail!.split('\n')).toEqual([
      'Signed build',
      'Commit: a1b2c3d',
      'Built: 2026-11-30T10:00:00Z',
      'Electron 45.5.0 · Chrome 142.0.7444.52 · Node 22.20.0',
      'OS: Windows 10.0.26100 (x64)',
    ]);
  });

  it('says an unsigned build is for testing only, and shows it as a warning', () => {
    const box = aboutBoxOptions('Lockbench', unsigned);
    expect(box.type).toBe('warning');
    expect(box.detail).toContain('UNSIGNED build — not signed by Lockbench; for testing only');
    expect(box.detail).toContain('Commit: unknown');
    expect(box.detail).not.toContain('Built:');
  });

  it('is shown with Electron’s message box, attached to the window when there is one', async () => {
    const electron = createStandInElectron();
    await showAboutBox(electron.dialog as never, null, 'Lockbench', unsigned);
    expect(electron.dialog.messageBoxes).toEqual([aboutBoxOptions('Lockbench', unsigned)]);
  });
});
