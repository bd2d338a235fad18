import { stringify } from 'yaml';

/**
 * The evidence object as YAML text: what `convert --to yaml` writes, and what a workbook is checked as.
 * Long strings are never folded, so every value keeps one line and each line names one place.
 */
export function evidenceYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0, defaultKeyType: 'PLAIN', indentSeq: true });
}
