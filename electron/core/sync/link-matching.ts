import type { CloudDeviceFacts, LinkSuggestion } from '../../../shared/domain/cloud';
import type { Door } from '../../../shared/domain/door';

/** Lowercase letters and digits only: "Front Door (main)" and "front-door main" compare equal. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Which cloud device each door seems to be, strongest reason first: the same serial number (when the lock told one),
 * the same name, or the only device of the lock's model. Each device is suggested for one door at most, and a door
 * already linked keeps its device. Suggestions only: the installer confirms them in the link wizard.
 */
export function suggestLinks(doors: readonly Door[], devices: readonly CloudDeviceFacts[]): LinkSuggestion[] {
  const taken = new Set<string>();
  const out: LinkSuggestion[] = [];
  const suggest = (door: Door, device: CloudDeviceFacts | undefined, reason: LinkSuggestion['reason']) => {
    if (!device || taken.has(device.device_id) || out.some((s) => s.door_id === door.id)) return;
    taken.add(device.device_id);
    out.push({ door_id: door.id, device_id: device.device_id, reason });
  };
  for (const door of doors) {
    if (door.cloud && devices.some((d) => d.device_id === door.cloud!.device_id)) taken.add(door.cloud.device_id);
  }
  const open = doors.filter((d) => !d.cloud);
  for (const door of open) {
    const serial = door.lastProfile?.serialNumber ? normalise(door.lastProfile.serialNumber) : '';
    suggest(door, devices.find((d) => serial !== '' && d.serial_number !== null && normalise(d.serial_number) === serial), 'serial');
  }
  for (const door of open) suggest(door, devices.find((d) => normalise(d.name) === normalise(door.name) && normalise(d.name) !== ''), 'name');
  for (const door of open) {
    const model = door.lastProfile ? normalise(door.lastProfile.model) : '';
    if (!model) continue;
    const sameModel = devices.filter((d) => d.model && (normalise(d.model).includes(model) || model.includes(normalise(d.model))));
    if (sameModel.length === 1) suggest(door, sameModel[0], 'model');
  }
  return out;
}
