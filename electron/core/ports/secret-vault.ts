/** A secret back from its sealed form, and whether the vault would rather have it sealed again (its key was rotated). */
export interface OpenedSecret {
  bytes: Uint8Array;
  shouldReseal: boolean;
}

/**
 * Where Lockbench's secrets are protected: the OS keychain through Electron's safeStorage in the desktop app, a key
 * outside the data folder for the browser host. Only small secrets go through it (the data key; see `loadDataKey`),
 * so a vault may be slow (a keychain prompt). Both methods reject with `secrets.unavailable` when the vault cannot do
 * its job, with words that say what to do; never with a secret in the message.
 */
export interface SecretVault {
  seal(secret: Uint8Array): Promise<Uint8Array>;
  /** Rejects `secrets.unavailable` when `sealed` was not sealed by this vault (another key, another computer) or is damaged. */
  open(sealed: Uint8Array): Promise<OpenedSecret>;
  /** Where the key is, in words for a message: "the macOS Keychain (Electron safeStorage)", "the key file …". */
  describe(): string;
}
