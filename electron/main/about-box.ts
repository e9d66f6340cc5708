import type { BaseWindow, MessageBoxOptions, MessageBoxReturnValue } from 'electron';
import { signatureWords, type DesktopBuildFacts } from './build-facts';

/** The part of Electron's dialog the About box uses. */
export interface AboutDialog {
  showMessageBox(window: BaseWindow, options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
  showMessageBox(options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
}

/**
 * What the About box says: product and version, whether the build is signed (an unsigned one says it is for testing
 * only), the commit and build date, the Electron, Chrome and Node versions, and the OS. The same words go into
 * a support request when the installer copies them.
 */
export function aboutBoxOptions(productName: string, facts: DesktopBuildFacts): MessageBoxOptions {
  const runtime = facts.runtime;
  const detail = [
    signatureWords(facts),
    `Commit: ${facts.commit ?? 'unknown'}`,
    ...(facts.builtAt ? [`Built: ${facts.builtAt}`] : []),
    `Electron ${runtime.electron ?? 'unknown'} · Chrome ${runtime.chrome ?? 'unknown'} · Node ${runtime.node ?? 'unknown'}`,
    `OS: ${runtime.os ?? 'unknown'}`,
  ].join('\n');
  return {
    type: facts.isSigned ? 'info' : 'warning',
    title: `About ${productName}`,
    message: `${productName} ${facts.version}`,
    detail,
    buttons: ['OK'],
    defaultId: 0,
    noLink: true,
  };
}

/** Shows the About box, attached to the window when there is one. */
export async function showAboutBox(dialog: AboutDialog, window: BaseWindow | null, productName: string, facts: DesktopBuildFacts): Promise<void> {
  const options = aboutBoxOptions(productName, facts);
  await (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
}
