// What a test leaves for the reporter, as Playwright annotations: the requirements it cites, and its
// findings (violations and observations) as typed JSON. The one module that writes and reads them, so
// no reader parses text back.
import { requirement, type Level } from './requirements';

export const REQUIREMENT = 'requirement';
export const VIOLATION = 'violation';
export const OBSERVATION = 'observation';
/** The requirement could not be shown because the target leaves out what it is about (message: why). */
export const NOT_APPLICABLE = 'not-applicable';
/** Static (test details): a matrix cell the test exercises, "<ID> <cell>" (suite/judging/verify.ts cells()). */
export const MATRIX_CELL = 'matrix-cell';
/** Runtime: a cell's outcome, "<ID> <cell> passed|failed|skipped[ <reason>]" (Verifier.checkCell). */
export const MATRIX_RESULT = 'matrix-result';

/** A violation (or, for OBSERVATION, an INFO observation) of one requirement. */
export interface Finding {
  requirement: string;
  level: Level;
  message: string;
  /** The name of the evidence attachment the violation recorded. */
  evidence?: string;
}

export interface Annotation {
  type: string;
  description?: string;
}

/** A finding of requirement `id`, at the catalogue's level for it. */
export function finding(id: string, message: string, evidence?: string): Finding {
  return { requirement: id, level: requirement(id).level, message, ...(evidence ? { evidence } : {}) };
}

export const citation = (id: string): Annotation => ({ type: REQUIREMENT, description: id });

export const findingAnnotation = (type: typeof VIOLATION | typeof OBSERVATION | typeof NOT_APPLICABLE, finding: Finding): Annotation => ({
  type,
  description: JSON.stringify(finding),
});

/** The requirements cited and the findings recorded, from a test's annotations. */
export function readAnnotations(annotations: readonly Annotation[]): {
  cited: string[];
  violations: Finding[];
  observations: Finding[];
  notApplicable: Finding[];
  cells: string[];
  cellResults: string[];
} {
  const findings = (type: string) =>
    annotations.filter((a) => a.type === type && a.description).map((a) => JSON.parse(a.description!) as Finding);
  return {
    cited: [...new Set(annotations.filter((a) => a.type === REQUIREMENT).map((a) => a.description ?? ''))],
    violations: findings(VIOLATION),
    observations: findings(OBSERVATION),
    notApplicable: findings(NOT_APPLICABLE),
    cells: [...new Set(annotations.filter((a) => a.type === MATRIX_CELL).map((a) => a.description ?? ''))],
    cellResults: annotations.filter((a) => a.type === MATRIX_RESULT).map((a) => a.description ?? ''),
  };
}
