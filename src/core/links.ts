/**
 * B10 + security: a help link is used only when it is an http(s) URL or a relative path, so a host
 * config value can never become a `javascript:` or `data:` link.
 */
export function safeHref(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const href = value.trim();
  // Control characters and whitespace inside a URL are how scheme filters get bypassed.
  if (href === '' || /[\u0000-\u001F\u007F\s]/.test(href)) return undefined;
  try {
    const { protocol } = new URL(href, 'https://relative.invalid/');
    return protocol === 'https:' || protocol === 'http:' ? href : undefined;
  } catch {
    return undefined;
  }
}
