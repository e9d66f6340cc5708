import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** axe-core's source, evaluated in the page through the DevTools protocol (the app's CSP rightly refuses inline scripts). */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One axe-core finding, cut down to what a failing assertion should print. */
export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is now and returns the violations, each with the
 * elements it found them on. `include` limits the run to part of the page (a CSS selector).
 */
export async function axeViolations(page: Page, include?: string): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(selector ? { include: [selector] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, include ?? null);
}

/** Fails the test with every violation found (WCAG 2 A/AA) on the page, or on `include`, named by `where`. */
export async function expectAccessible(page: Page, where: string, include?: string): Promise<void> {
  const violations = await axeViolations(page, include);
  expect(violations, `axe on ${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/** The focused element's test id (else its id, else its text): where keyboard focus is, as a test names it. */
export function focusedElement(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('data-testid') ?? (el?.id || el?.textContent?.trim()) ?? '';
  });
}
