import type { BleAvailability, BleUnavailableReason } from './ble-radio';

const PLACEHOLDER_PATH = '<path of the Lockbench app or node>';

/**
 * One line saying why Bluetooth LE cannot be used and what to do about it, in the words of this operating system's
 * settings. Pure: the caller passes the platform (process.platform in the app) and, for the Linux `setcap` advice, the
 * program that opens the Bluetooth socket (the app, or node when run from source; a placeholder when not given).
 */
export function describeBleUnavailable(reason: BleUnavailableReason, platform: NodeJS.Platform, executablePath?: string): string {
  switch (reason) {
    case 'powered_off':
      if (platform === 'darwin') return 'Bluetooth is off: turn it on in System Settings › Bluetooth (or Control Centre), then try again.';
      if (platform === 'win32') return 'Bluetooth is off: turn it on in Settings › Bluetooth & devices (or Quick Settings), then try again.';
      if (platform === 'linux') {
        return 'Bluetooth is off: turn it on in the desktop’s Bluetooth settings or with `bluetoothctl power on` (`rfkill unblock bluetooth` if it is blocked), then try again.';
      }
      return 'Bluetooth is off: turn it on in this computer’s settings, then try again.';
    case 'unauthorized':
      if (platform === 'darwin') return 'Allow Lockbench in System Settings › Privacy & Security › Bluetooth, then reopen it.';
      if (platform === 'win32') {
        return 'Windows does not let Lockbench use Bluetooth: turn on “Let apps control device radios” in Settings › Privacy & security › Radios (Windows 10: Settings › Privacy › Radios), then reopen it.';
      }
      if (platform === 'linux') {
        const path = executablePath ?? PLACEHOLDER_PATH;
        return `Linux does not let Lockbench open the Bluetooth adapter: run \`sudo setcap cap_net_raw,cap_net_admin+eip ${path}\` (or start it as a user allowed to use raw Bluetooth), then reopen it.`;
      }
      return 'This system does not let Lockbench use Bluetooth: allow it in the system’s privacy settings, then reopen it.';
    case 'no_adapter':
      if (platform === 'linux') {
        return 'No Bluetooth LE adapter found: plug in a Bluetooth 4.0+ adapter or use a computer that has one (if one is plugged in, check that `bluetoothctl list` shows it).';
      }
      return 'No Bluetooth LE adapter found: plug in a Bluetooth 4.0+ adapter or use a computer that has one.';
    case 'no_binary':
      if (platform === 'linux') {
        return 'The Bluetooth library could not be loaded on this system: reinstall Lockbench (from source: run `npm install` again, with python3, make and g++ installed, or `npm install --ignore-scripts`).';
      }
      if (platform === 'darwin' || platform === 'win32') {
        return 'The Bluetooth library could not be loaded on this system: reinstall Lockbench with the installer made for this computer’s processor.';
      }
      return 'The Bluetooth library could not be loaded on this system: Lockbench supports Bluetooth on macOS, Windows 10+ and Linux only.';
  }
}

/** The `unavailable` availability for a reason, with its message for this platform. */
export function bleUnavailable(reason: BleUnavailableReason, platform: NodeJS.Platform, executablePath?: string): BleAvailability {
  return { state: 'unavailable', reason, message: describeBleUnavailable(reason, platform, executablePath) };
}
