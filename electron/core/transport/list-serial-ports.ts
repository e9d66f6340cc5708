import { SerialPort } from 'serialport';
import type { SerialPortInfo, SerialPortList } from '../../../shared/domain/serial-port';
import { normaliseUsbId, recogniseStick } from './known-sticks';

/** What serialport's SerialPort.list() yields per port (the fields we use). */
export interface RawPortInfo {
  path: string;
  manufacturer?: string | undefined;
  vendorId?: string | undefined;
  productId?: string | undefined;
}

/** Something that lists serial ports; SerialPort.list by default, a fake in tests. */
export type PortLister = () => Promise<RawPortInfo[]>;

/**
 * Lists the serial ports of this computer and names the ones that look like Z-Wave sticks. Never throws: when the OS
 * listing fails (e.g. Linux without udevadm) it returns no ports and a sentence saying why, so the installer can still
 * type a path by hand.
 */
export async function listSerialPorts(lister: PortLister = () => SerialPort.list()): Promise<SerialPortList> {
  let raw: RawPortInfo[];
  try {
    raw = await lister();
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return {
      ports: [],
      listError: `Could not list the serial ports of this computer (${reason}). Type the stick's port path instead, e.g. /dev/ttyACM0 or COM3.`,
    };
  }
  return { ports: raw.map(toPortInfo), listError: null };
}

function toPortInfo(p: RawPortInfo): SerialPortInfo {
  return {
    path: p.path,
    manufacturer: p.manufacturer?.trim() || null,
    vendorId: normaliseUsbId(p.vendorId),
    productId: normaliseUsbId(p.productId),
    stickName: recogniseStick(p.vendorId, p.productId)?.name ?? null,
  };
}
