// One value per key for the page's life: Intl objects (costly to create, immutable), compiled English
// messages, and what a long list asks for again and again (country names).
const values = new Map<string, unknown>();

/** The value made once for `key`, then the same one every time. */
export function cached<T>(key: string, make: () => T): T {
  // Stryker disable next-line ConditionalExpression: making the value again each time gives an equal value; only speed tells them apart
  if (!values.has(key)) values.set(key, make());
  return values.get(key) as T;
}
