import type { SiteView } from '../../../../shared/domain/site';
import type { AppError } from '../../../../shared/result';
import type { RendererBridge } from '../bridge/renderer-bridge';

/** The house demo's id and the building demo's (see electron/core/demo/building/building-site.ts). */
const HOUSE_DEMO_ID = 'demo';
const BUILDING_DEMO_ID = 'demo-building';

/**
 * "Open the building demo": the 24-lock building beside the house demo, for bulk codes and the commissioning report
 * without hardware. Offered while the house demo is there and the building is not; opening it the first time takes
 * a while (24 locks interviewed and paired), and the site shows its progress meanwhile.
 */
export class BuildingDemoOpener {
  isOpening = $state(false);
  error = $state<AppError | null>(null);

  constructor(private readonly bridge: RendererBridge) {}

  /** True when the button should be offered for these sites. */
  isOffered(sites: readonly SiteView[]): boolean {
    return sites.some((s) => s.id === HOUSE_DEMO_ID) && !sites.some((s) => s.id === BUILDING_DEMO_ID);
  }

  /** Opens the building demo; resolves with its site (to select) or null on failure (the error is kept to show). */
  async open(): Promise<SiteView | null> {
    if (this.isOpening) return null;
    this.isOpening = true;
    this.error = null;
    const result = await this.bridge.request('demo.building', {});
    this.isOpening = false;
    if (!result.ok) {
      this.error = result.error;
      return null;
    }
    return result.value;
  }
}
