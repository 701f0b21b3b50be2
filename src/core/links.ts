/**
 * B10 + security: a help link is used only when it is an http(s) URL or a relative path, so a host
 * config value can never become a `javascript:` or `data:` link.
 */
export function safeHref(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const href = value.trim();
  // Stryker disable next-line ConditionalExpression,StringLiteral: '' resolves to the base (https:), and the help block leaves an empty href out anyway
  if (href === '') return undefined;
  // Control characters and whitespace inside a URL are how scheme filters get bypassed.
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point of this check
  if (/[\u0000-\u001F\u007F\s]/.test(href)) return undefined;
  // Stryker disable BlockStatement: an empty catch returns undefined too (a next-line comment cannot reach a catch body), and an empty try block is killed by every http(s) link test
  try {
    const { protocol } = new URL(href, 'https://relative.invalid/');
    return protocol === 'https:' || protocol === 'http:' ? href : undefined;
  } catch {
    return undefined;
  }
  // Stryker restore BlockStatement
}
