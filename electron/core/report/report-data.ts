import type { AccessCode } from '../../../shared/domain/access-code';
import type { CapabilityReport } from '../../../shared/domain/capability';
import type { Door } from '../../../shared/domain/door';
import type { Operation } from '../../../shared/domain/operation';
import type { CommissioningReport, ReportCode, ReportDoor } from '../../../shared/domain/report';
import type { Site } from '../../../shared/domain/site';
import type { UnmanagedCode } from '../../../shared/domain/unmanaged-code';
import { codeFailures, doorProblems, waitingOperations } from './door-problems';
import { compareDoors, compareSlots, compareText } from './door-order';
import { foreignPin, shownPin } from './pin-shown';

/** Everything the report is built from, as plain data (read from the store by the service, or made by a test). */
export interface ReportDataInput {
  site: Site;
  /** Doors to choose from (doors of other sites are ignored). */
  doors: readonly Door[];
  /** Chosen doors; null = every door of the site. Ids not on the site are ignored (the service refuses them first). */
  doorIds: readonly string[] | null;
  codes: readonly AccessCode[];
  operations: readonly Operation[];
  /** Stored capability checks, newest last. */
  checks: readonly CapabilityReport[];
  /** Codes still on each lock that Lockbench does not manage, by door id (a door missing here: none known). */
  unmanaged: Readonly<Record<string, readonly UnmanagedCode[]>>;
  installerName: string;
  now: Date;
  appVersion: string;
  /** Full PINs of Lockbench's codes; codes found on locks stay masked regardless. */
  showPins: boolean;
}

/** One door's part of the report, plus what the site summary counts that the door's data does not say. */
interface BuiltDoor {
  door: ReportDoor;
  waitingCodes: number;
}

/**
 * Builds the commissioning report from stored data, without reading anything else: the latest check exactly as it was
 * stored, proofs as the locks gave them, PINs masked unless asked for. Doors in walking order (see compareDoors).
 */
export function buildReportData(input: ReportDataInput): CommissioningReport {
  const { site } = input;
  const chosen = input.doors
    .filter((d) => d.siteId === site.id && (input.doorIds === null || input.doorIds.includes(d.id)))
    .sort(compareDoors);
  const built = chosen.map((door) => buildDoor(door, input));
  const doors = built.map((b) => b.door);
  const codes = doors.flatMap((d) => d.codes);
  return {
    site: { id: site.id, name: site.name, time_zone: site.timeZone },
    installer_name: input.installerName,
    produced_at: input.now.toISOString(),
    app_version: input.appVersion,
    show_pins: input.showPins,
    summary: {
      doors: doors.length,
      doors_without_problems: doors.filter((d) => d.problems.length === 0).length,
      codes: codes.length,
      codes_proven: codes.filter((c) => c.proven_at !== null).length,
      codes_failed: codes.filter((c) => c.errors.length > 0).length,
      codes_waiting: built.reduce((sum, b) => sum + b.waitingCodes, 0),
      codes_used: codes.filter((c) => c.last_used_at !== null).length,
      problems: doors.reduce((sum, d) => sum + d.problems.length, 0),
    },
    doors,
  };
}

function buildDoor(door: Door, input: ReportDataInput): BuiltDoor {
  const codes = input.codes.filter((c) => c.door_id === door.id);
  const operations = input.operations.filter((o) => o.door_id === door.id);
  const listed = codes.filter((c) => !c.is_removed && c.origin !== 'cleared').sort(bySlotThenName);
  const check = latestCheck(input.checks, door.id);
  const lock = door.lastProfile;
  return {
    waitingCodes: listed.filter((c) => waitingOperations(c, operations).length > 0).length,
    door: {
      door_id: door.id,
      name: door.name,
      floor: door.floor,
      group: door.group,
      unit: door.unit,
      protocol: door.lockAddress.protocol,
      address: door.lockAddress.address,
      lock: lock && {
        manufacturer: lock.manufacturer || null,
        model: lock.model || null,
        firmware: lock.firmwareVersion,
        serial: lock.serialNumber,
        battery_level: lock.batteryLevel,
      },
      check: check && {
        checked_at: check.checked_at,
        overall: check.overall,
        items: check.items.map((i) => ({ label: i.label, verdict: i.verdict, finding: i.finding })),
      },
      codes: listed.map((c) => reportCode(c, operations, input.showPins)),
      from_elsewhere: fromElsewhere(codes, input.unmanaged[door.id] ?? []),
      problems: doorProblems({ door, codes, operations, check, timeZone: input.site.timeZone, now: input.now }),
    },
  };
}

/** The newest stored check of a door (checks are kept newest last), as it was stored. */
function latestCheck(checks: readonly CapabilityReport[], doorId: string): CapabilityReport | null {
  for (let i = checks.length - 1; i >= 0; i--) if (checks[i]?.door_id === doorId) return checks[i] ?? null;
  return null;
}

function reportCode(code: AccessCode, operations: readonly Operation[], showPins: boolean): ReportCode {
  return {
    name: code.name,
    pin: shownPin(code.code, showPins),
    type: code.type,
    starts_at: code.starts_at,
    ends_at: code.ends_at,
    status: code.status,
    slot: code.slot,
    proven_by: code.verified_by,
    proven_at: code.verified_at,
    last_used_at: code.last_used_at,
    scheduled_by: code.scheduled_by,
    errors: codeFailures(code, operations),
  };
}

/** Codes found on the lock: those adopted or cleared (decided when their record was made), then those left there. */
function fromElsewhere(codes: readonly AccessCode[], unmanaged: readonly UnmanagedCode[]): ReportDoor['from_elsewhere'] {
  const decided = codes
    .filter((c): c is AccessCode & { origin: 'adopted' | 'cleared' } => c.origin === 'adopted' || c.origin === 'cleared')
    .map((c) => ({ slot: c.slot, pin: foreignPin(c.code), decision: c.origin, decided_at: c.created_at }));
  const left = unmanaged.map((u) => ({ slot: u.slot, pin: u.is_masked ? null : foreignPin(u.code), decision: 'left' as const, decided_at: null }));
  return [...decided, ...left].sort((a, b) => compareSlots(a.slot, b.slot));
}

function bySlotThenName(a: AccessCode, b: AccessCode): number {
  return compareSlots(a.slot, b.slot) || compareText(a.name, b.name) || a.access_code_id.localeCompare(b.access_code_id);
}
