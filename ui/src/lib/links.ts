// Web addresses the window hands to the system browser (through the opener
// plugin, whose scope allows http and https only).

/** The address to open for what was typed, or null when it is not a complete http(s) address. */
export function webAddress(text: string): string | null {
  const value = text.trim();
  if (!/^https?:\/\//i.test(value) || /\s/.test(value)) return null;
  try {
    const url = new URL(value);
    return url.hostname ? url.href : null;
  } catch {
    return null;
  }
}
