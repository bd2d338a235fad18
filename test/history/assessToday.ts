import { assess, type AssessmentOptions } from '../../src/assess/assess.js';
import { workingTree } from '../../src/load/workingTree.js';
import type { Report } from '../../src/model/report.js';

/** The evidence file as `score` assesses it now, from the working tree. */
export async function assessFile(file: string, opts: AssessmentOptions): Promise<Report> {
  return (await assess(workingTree(file), opts)).report;
}
