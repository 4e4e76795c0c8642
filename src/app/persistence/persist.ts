/**
 * Ask the browser not to evict our storage under pressure (Chromium grants it to engaged sites,
 * Firefox asks the user). Best effort: a refusal or a missing API only means the default policy.
 */
interface StorageManagerLike {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
}

export async function requestPersistentStorage(
  storage: StorageManagerLike | undefined = (globalThis as { navigator?: { storage?: StorageManagerLike } }).navigator?.storage,
): Promise<boolean> {
  try {
    if (await storage?.persisted?.()) return true;
    return (await storage?.persist?.()) === true;
  } catch {
    return false;
  }
}
