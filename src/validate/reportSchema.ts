// Its own module so that the report validator loads only for `--baseline FILE.json` and `diff`.
export { validateReport } from '../generated/report-validator.cjs';
