import type { PDF } from '../../messages/pdf.js';
import type { UI } from '../../messages/ui.js';

/** A PDF label in the report's language, with its variables filled in. */
export type T = (k: keyof typeof PDF | keyof typeof UI, vars?: Record<string, string | number>) => string;
