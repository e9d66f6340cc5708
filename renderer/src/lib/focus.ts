/**
 * An attachment (`{@attach focusOnMount}`) that moves keyboard focus to an element when it appears: a panel's heading
 * (give it tabindex="-1") or an inline form's first field, so a keyboard user lands where the new content is.
 */
export function focusOnMount(node: HTMLElement): void {
  node.focus();
}
