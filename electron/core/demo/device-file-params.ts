import { ConfigManager } from '@zwave-js/config';
import type { VirtualConfigParam, VirtualLockSpec } from './virtual-stick';

/**
 * Gives each virtual lock that runs as a real device (`spec.device`) the configuration parameters that device's
 * zwave-js file documents, at the file's default values except where `spec.configValues` sets one (Schlage's PIN
 * length 6). A real lock answers every parameter it has; a virtual one that did not would cost zwave-js a report
 * timeout per parameter during the interview (10 s each on a BE469ZP, whose file raises the timeout).
 *
 * Reads zwave-js's own device database (the same files the driver applies), once per call. Kept out of the app's
 * demo path: only specs with real ids need it.
 */
export async function withDeviceFileParams(specs: readonly VirtualLockSpec[]): Promise<VirtualLockSpec[]> {
  if (!specs.some((s) => s.device)) return [...specs];
  const configs = new ConfigManager();
  await configs.loadDeviceIndex();
  const out: VirtualLockSpec[] = [];
  for (const spec of specs) {
    if (!spec.device) {
      out.push(spec);
      continue;
    }
    const { manufacturerId, productType, productId } = spec.device;
    const device = await configs.lookupDevice(manufacturerId, productType, productId);
    if (!device) throw new Error(`zwave-js has no device file for ${hexId(manufacturerId)}/${hexId(productType)}/${hexId(productId)}`);
    out.push({ ...spec, configParams: paramsOf(device.paramInformation?.entries() ?? [], spec.configValues ?? {}) });
  }
  return out;
}

type ParamEntry = [{ parameter: number; valueBitMask?: number }, { valueSize: number; unsigned?: boolean; minValue: number; maxValue: number; defaultValue: number; writeOnly?: true }];

/** One parameter per number; partial parameters (bit masks) are folded into their whole value. */
function paramsOf(entries: Iterable<ParamEntry>, values: Record<number, number>): VirtualConfigParam[] {
  const byNumber = new Map<number, VirtualConfigParam>();
  for (const [key, info] of entries) {
    if (info.writeOnly) continue;
    const size = info.valueSize === 2 || info.valueSize === 4 ? info.valueSize : 1;
    const existing = byNumber.get(key.parameter);
    const partial = key.valueBitMask === undefined ? info.defaultValue : (info.defaultValue << trailingZeros(key.valueBitMask)) & key.valueBitMask;
    const whole = (existing?.value ?? 0) + (key.valueBitMask === undefined ? 0 : partial);
    const isPartial = key.valueBitMask !== undefined;
    byNumber.set(key.parameter, {
      param: key.parameter,
      valueSize: size,
      // A file may leave `unsigned` out for 0–255 parameters: such a value only fits unsigned.
      isUnsigned: isPartial || info.unsigned === true || info.maxValue > maxOf(size, false),
      minValue: isPartial ? 0 : info.minValue,
      maxValue: isPartial ? maxOf(size, true) : info.maxValue,
      value: isPartial ? whole : partial,
    });
  }
  for (const [param, value] of Object.entries(values)) {
    const found = byNumber.get(Number(param));
    if (!found) throw new Error(`The device file documents no parameter ${param}`);
    found.value = value;
  }
  return [...byNumber.values()].sort((a, b) => a.param - b.param);
}

function trailingZeros(mask: number): number {
  let n = 0;
  while (mask > 0 && (mask & 1) === 0) {
    mask >>>= 1;
    n++;
  }
  return n;
}

const maxOf = (size: number, isUnsigned: boolean): number => (isUnsigned ? 2 ** (8 * size) - 1 : 2 ** (8 * size - 1) - 1);
const hexId = (n: number): string => `0x${n.toString(16).padStart(4, '0')}`;
