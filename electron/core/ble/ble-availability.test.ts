import { describe, expect, it } from 'vitest';
import { bleUnavailable, describeBleUnavailable } from './ble-availability';
import type { BleUnavailableReason } from './ble-radio';

const REASONS: BleUnavailableReason[] = ['powered_off', 'unauthorized', 'no_adapter', 'no_binary'];
const PLATFORMS: NodeJS.Platform[] = ['darwin', 'win32', 'linux', 'freebsd'];

describe('describeBleUnavailable', () => {
  it('gives one line for every reason on every platform', () => {
    for (const reason of REASONS) {
      for (const platform of PLATFORMS) {
        const message = describeBleUnavailable(reason, platform);
        expect(message, `${reason} on ${platform}`).toMatch(/\S/);
        expect(message).not.toContain('\n');
      }
    }
  });

  it('says where to turn Bluetooth on, per platform', () => {
    expect(describeBleUnavailable('powered_off', 'darwin')).toMatch(/^Bluetooth is off: turn it on in System Settings › Bluetooth/);
    expect(describeBleUnavailable('powered_off', 'win32')).toMatch(/^Bluetooth is off: turn it on in Settings › Bluetooth & devices/);
    expect(describeBleUnavailable('powered_off', 'linux')).toMatch(/^Bluetooth is off: .*bluetoothctl power on/);
  });

  it('says how to grant permission, per platform', () => {
    expect(describeBleUnavailable('unauthorized', 'darwin')).toBe(
      'Allow Lockbench in System Settings › Privacy & Security › Bluetooth, then reopen it.',
    );
    expect(describeBleUnavailable('unauthorized', 'win32')).toMatch(/Settings › Privacy & security › Radios/);
    expect(describeBleUnavailable('unauthorized', 'linux')).toContain(
      'sudo setcap cap_net_raw,cap_net_admin+eip <path of the Lockbench app or node>',
    );
    expect(describeBleUnavailable('unauthorized', 'linux', '/opt/Lockbench/lockbench')).toContain(
      'sudo setcap cap_net_raw,cap_net_admin+eip /opt/Lockbench/lockbench',
    );
  });

  it('says what to do without an adapter or without the library', () => {
    for (const platform of PLATFORMS) {
      expect(describeBleUnavailable('no_adapter', platform)).toMatch(
        /^No Bluetooth LE adapter found: plug in a Bluetooth 4\.0\+ adapter or use a computer that has one/,
      );
      expect(describeBleUnavailable('no_binary', platform)).toMatch(/^The Bluetooth library could not be loaded on this system: /);
    }
    expect(describeBleUnavailable('no_binary', 'linux')).toMatch(/npm install/);
    expect(describeBleUnavailable('no_binary', 'darwin')).toMatch(/reinstall Lockbench/);
  });

  it('wraps the message as an unavailable availability', () => {
    expect(bleUnavailable('no_adapter', 'linux')).toEqual({
      state: 'unavailable',
      reason: 'no_adapter',
      message: describeBleUnavailable('no_adapter', 'linux'),
    });
  });
});
