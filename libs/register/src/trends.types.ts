import type { Outcome } from './register-row.types';

/** How many incidents, in all and by outcome. */
export type OutcomeCounts = { incidents: number } & Record<Outcome, number>;

/** Hours between two times: how many incidents had both, the median and the 90th percentile. */
export interface HoursStat {
  n: number;
  median: number | null;
  p90: number | null;
}

/**
 * The executive trends. Ids, enumerations, counts and times only: no personal data, no free text.
 * Definitions (also in libs/register/README.md):
 * - period: reported-at in [from, to); months are calendar months in Europe/London time;
 * - outcome: see OUTCOMES; an incident counts once in each breakdown, and once per data category
 *   it involves in `byDataCategory`; `byRootCause` puts incidents with no lessons under `not-recorded`;
 * - ico: `submitted` incidents the ICO was told of, `within72h` those told by awareAt + 72 h;
 * - hours: percentile_cont (linear interpolation between the two nearest ranks);
 *   discovery→awareness counts only confirmed awareness times (a provisional one is the
 *   discovery time by definition); awareness→decision and awareness→ICO use the awareness time
 *   the incident holds, confirmed or provisional;
 * - repeatRootCauses: a root cause recorded for more than one incident of the same entity;
 * - lessonActions.overdue: open and due before the time of the request;
 * - lessonsAcknowledgement: acknowledgements over recipients the lessons were circulated to.
 */
export interface Trends {
  period: { from: string | null; to: string | null; entityId: string | null };
  generatedAt: string;
  totals: OutcomeCounts;
  byMonth: ({ month: string } & OutcomeCounts)[];
  byEntity: ({ entityId: string; name: string } & OutcomeCounts)[];
  byRootCause: ({ rootCause: string } & OutcomeCounts)[];
  byDataCategory: ({ category: string } & OutcomeCounts)[];
  ico: { submitted: number; within72h: number; late: number; shareWithin72h: number | null };
  hours: {
    discoveryToAwareness: HoursStat;
    awarenessToDecision: HoursStat;
    awarenessToIcoSubmission: HoursStat;
  };
  repeatRootCauses: { entityId: string; rootCause: string; incidents: number }[];
  lessonActions: { total: number; open: number; overdue: number };
  lessonsAcknowledgement: { circulated: number; acknowledged: number; rate: number | null };
}
