import type { CapabilityItem, CapabilityReport, Verdict } from '../domain/capability';
import type { CloudDeviceFacts } from '../domain/cloud';

const RANK: Record<Verdict, number> = { pass: 0, warn: 1, fail: 2 };
const worse = (a: Verdict, b: Verdict): Verdict => (RANK[b] > RANK[a] ? b : a);

function lengths(list: readonly number[]): string {
  if (list.length === 0) return 'not told';
  const sorted = [...list].sort((a, b) => a - b);
  return sorted.length > 1 && sorted[sorted.length - 1]! - sorted[0]! === sorted.length - 1 ? `${sorted[0]}–${sorted[sorted.length - 1]} digits` : `${sorted.join(', ')} digits`;
}

/** One line with the cloud's finding added: its words appended, its verdict counted, its source marked. */
function addCloud(item: CapabilityItem, verdict: Verdict, finding: string, advice: string | null): CapabilityItem {
  return {
    ...item,
    verdict: worse(item.verdict, verdict),
    finding: `${item.finding} Cloud: ${finding}`,
    advice: verdict === 'pass' ? item.advice : [item.advice, advice].filter(Boolean).join(' '),
    source: 'lock_and_cloud',
  };
}

/**
 * The capability check with a linked cloud device's facts merged in, each line saying where it came from (lock,
 * cloud, or both): can the cloud program codes online, is the device online there, its code lengths, slot limit and
 * PIN rules, its battery, and who switches time-bound codes on a lock without native scheduling.
 */
export function mergeCloudFacts(report: CapabilityReport, facts: CloudDeviceFacts | null, nativeScheduling: boolean): CapabilityReport {
  if (!facts) return report;
  const items = report.items.map((item): CapabilityItem => {
    switch (item.key) {
      case 'access_codes':
        return facts.can_program_online_access_codes
          ? addCloud(item, 'pass', 'programs access codes on this lock online.', null)
          : addCloud(item, 'warn', 'cannot program access codes on this lock online.', 'Codes reach this lock only from Lockbench on site.');
      case 'online':
        return facts.online ? addCloud(item, 'pass', 'the device is online.', null) : addCloud(item, 'warn', 'the device is offline.', "Check the lock's hub or bridge connection.");
      case 'code_lengths': {
        const agree = facts.supported_code_lengths.length === 0 || facts.supported_code_lengths.some((n) => report.items.some((i) => i.key === 'code_lengths' && i.finding.includes(String(n))));
        return addCloud(item, agree ? 'pass' : 'warn', `${lengths(facts.supported_code_lengths)}.`, agree ? null : 'Lockbench only offers lengths both the lock and the cloud accept.');
      }
      case 'slots':
        return facts.max_active_codes_supported === null ? item : addCloud(item, 'pass', `at most ${facts.max_active_codes_supported} active codes.`, null);
      case 'pin_rules':
        return facts.code_constraints.length === 0
          ? addCloud(item, 'pass', 'no extra PIN rules.', null)
          : addCloud(item, 'pass', `${facts.code_constraints.map((c) => c.constraint_type).join(', ')} (checked before a PIN is stored).`, null);
      case 'battery': {
        const low = facts.warnings.find((w) => /battery/i.test(w.warning_code));
        const level = facts.battery_level === null ? 'no battery level' : `battery ${Math.round(facts.battery_level * 100)} %`;
        return low ? addCloud(item, 'warn', `${level}; ${low.message}`, 'Replace the batteries.') : addCloud(item, 'pass', `${level}.`, null);
      }
      case 'native_scheduling':
        if (nativeScheduling) return item;
        return facts.can_program_online_access_codes
          ? { ...addCloud(item, 'pass', 'adds time-bound codes at their start and removes them at their end.', null), verdict: 'pass', advice: null }
          : item;
      default:
        return item;
    }
  });
  const overall = items.reduce<Verdict>((w, i) => worse(w, i.verdict), 'pass');
  return { ...report, items, overall };
}
