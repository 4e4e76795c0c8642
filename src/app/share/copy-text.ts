/**
 * Copying a link: the async Clipboard API where the browser grants it (secure context, user
 * gesture); otherwise the caller selects the text field so that Ctrl+C / ⌘C does it.
 */
export interface ClipboardLike {
  writeText(text: string): Promise<void>;
}

/** 'copied', or 'manual' when the clipboard is missing or refused (permission, insecure page). */
export async function copyText(text: string, clipboard: ClipboardLike | undefined): Promise<'copied' | 'manual'> {
  if (!clipboard) return 'manual';
  try {
    await clipboard.writeText(text);
    return 'copied';
  } catch {
    return 'manual';
  }
}
