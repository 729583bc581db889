/**
 * Every trend figure in one statement, so the projection is read (and its `detail` detoasted)
 * once. Parameters: $1 from (inclusive), $2 to (exclusive), $3 entity id, each null for "any";
 * $4 the time "overdue" is judged at.
 *
 * `jsonb_to_record` pulls the few top-level parts of `detail` out in one call: each `->` on a
 * large jsonb column would decompress the whole document again.
 *
 * The outcome CASE is the same rule as `outcomeOf` in outcome.ts; keep the two in step.
 * Breakdowns come back as `{key, outcome, n}` cells and are pivoted in trends-shape.ts.
 */
export const TRENDS_SQL = `
WITH scope AS (
  SELECT i.id,
         i.entity_id,
         i.status,
         i.reported_at,
         i.discovered_at,
         i.aware_at,
         i.aware_confirmed,
         d.report -> 'dataCategories' AS data_categories,
         (d.decision ->> 'at')::timestamptz AS decided_at,
         (d.decision ->> 'notifyIco')::boolean AS notify_ico,
         (d."icoSubmission" ->> 'submittedAt')::timestamptz AS ico_submitted_at,
         d.lessons
    FROM incidents i
   CROSS JOIN LATERAL jsonb_to_record(i.detail) AS d(report jsonb, decision jsonb, "icoSubmission" jsonb, lessons jsonb)
   WHERE ($1::timestamptz IS NULL OR i.reported_at >= $1::timestamptz)
     AND ($2::timestamptz IS NULL OR i.reported_at < $2::timestamptz)
     AND ($3::text IS NULL OR i.entity_id = $3::text)
),
classified AS MATERIALIZED (
  SELECT s.*,
         CASE WHEN s.status = 'closed-not-breach' THEN 'not-a-breach'
              WHEN s.decided_at IS NULL THEN 'undecided'
              WHEN NOT s.notify_ico THEN 'not-reported'
              WHEN s.ico_submitted_at IS NULL THEN 'to-report'
              ELSE 'reported' END AS outcome,
         to_char(date_trunc('month', s.reported_at AT TIME ZONE 'Europe/London'), 'YYYY-MM') AS month,
         coalesce(s.lessons ->> 'rootCause', 'not-recorded') AS root_cause,
         (extract(epoch FROM s.aware_at) - extract(epoch FROM s.discovered_at))::float8 / 3600 AS h_discovery_aware,
         (extract(epoch FROM s.decided_at) - extract(epoch FROM s.aware_at))::float8 / 3600 AS h_aware_decision,
         (extract(epoch FROM s.ico_submitted_at) - extract(epoch FROM s.aware_at))::float8 / 3600 AS h_aware_ico
    FROM scope s
),
cells AS (
  SELECT 'month' AS dimension, month AS key, outcome, count(*) AS n FROM classified GROUP BY month, outcome
  UNION ALL
  SELECT 'entity', entity_id, outcome, count(*) FROM classified GROUP BY entity_id, outcome
  UNION ALL
  SELECT 'rootCause', root_cause, outcome, count(*) FROM classified GROUP BY root_cause, outcome
  UNION ALL
  -- An incident counts once per category it involves, even if a category were listed twice.
  SELECT 'dataCategory', category, outcome, count(*)
    FROM classified
   CROSS JOIN LATERAL (SELECT DISTINCT value FROM jsonb_array_elements_text(data_categories)) AS c(category)
   GROUP BY category, outcome
)
SELECT
  (SELECT coalesce(jsonb_agg(jsonb_build_object('dimension', dimension, 'key', key, 'outcome', outcome, 'n', n)), '[]')
     FROM cells) AS cells,
  (SELECT jsonb_build_object(
            'submitted', count(ico_submitted_at),
            'within72h', count(*) FILTER (WHERE ico_submitted_at <= aware_at + interval '72 hours'))
     FROM classified) AS ico,
  (SELECT jsonb_build_object(
            'discoveryToAwareness', jsonb_build_object(
               'n', count(*) FILTER (WHERE aware_confirmed),
               'p', percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY h_discovery_aware)
                      FILTER (WHERE aware_confirmed)),
            'awarenessToDecision', jsonb_build_object(
               'n', count(h_aware_decision),
               'p', percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY h_aware_decision)),
            'awarenessToIcoSubmission', jsonb_build_object(
               'n', count(h_aware_ico),
               'p', percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY h_aware_ico)))
     FROM classified) AS hours,
  (SELECT coalesce(jsonb_agg(jsonb_build_object('entityId', entity_id, 'rootCause', root_cause, 'incidents', n)
                             ORDER BY n DESC, entity_id, root_cause), '[]')
     FROM (SELECT entity_id, root_cause, count(*) AS n FROM classified
            WHERE root_cause <> 'not-recorded' GROUP BY entity_id, root_cause HAVING count(*) > 1) r) AS repeat_root_causes,
  (SELECT jsonb_build_object(
            'total', count(*),
            'open', count(*) FILTER (WHERE a ->> 'status' = 'open'),
            'overdue', count(*) FILTER (WHERE a ->> 'status' = 'open' AND (a ->> 'dueAt')::timestamptz < $4::timestamptz))
     FROM classified CROSS JOIN LATERAL jsonb_array_elements(lessons -> 'actions') AS a) AS lesson_actions,
  (SELECT jsonb_build_object(
            'circulated', coalesce(sum(jsonb_array_length(lessons -> 'circulatedTo')), 0),
            'acknowledged', coalesce(sum(jsonb_array_length(lessons -> 'acknowledgedBy')), 0))
     FROM classified WHERE jsonb_typeof(lessons) = 'object') AS acknowledgement,
  (SELECT jsonb_build_object(
            'first', to_char(coalesce($1::timestamptz, min(reported_at)) AT TIME ZONE 'Europe/London', 'YYYY-MM'),
            'last', to_char(coalesce($2::timestamptz - interval '1 microsecond', max(reported_at))
                            AT TIME ZONE 'Europe/London', 'YYYY-MM'))
     FROM classified) AS months,
  (SELECT coalesce(jsonb_object_agg(id, name), '{}') FROM group_entities) AS entity_names
`;
