/**
 * A catalogue string with its `{name}` placeholders filled in: the one interpolation every message table
 * uses. A placeholder without a value becomes empty rather than showing its braces to a client.
 */
export function interpolate(template: string, vars: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}
