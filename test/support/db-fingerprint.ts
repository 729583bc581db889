import type { DataSource } from 'typeorm';

/** What identifies a table's state: small tables by every row, append-only ones by their size. */
const STATE: Record<string, string> = {
  people: 'md5(coalesce(string_agg(x::text, $$|$$ ORDER BY x::text), $$$$))',
  group_entities: 'md5(coalesce(string_agg(x::text, $$|$$ ORDER BY x::text), $$$$))',
  partners: 'md5(coalesce(string_agg(x::text, $$|$$ ORDER BY x::text), $$$$))',
  external_controllers: 'md5(coalesce(string_agg(x::text, $$|$$ ORDER BY x::text), $$$$))',
  escalation_policies: 'md5(coalesce(string_agg(x::text, $$|$$ ORDER BY x::text), $$$$))',
  webhook_subscriptions: 'md5(coalesce(string_agg(x::text, $$|$$ ORDER BY x::text), $$$$))',
  // A key's last use is bookkeeping, not state: a refused request may still have presented a good key.
  partner_api_keys:
    'md5(coalesce(string_agg(id || $$:$$ || coalesce(revoked_at::text, $$$$), $$|$$ ORDER BY id), $$$$))',
  // The projection: one row per incident, whose version moves with every change.
  incidents: 'md5(coalesce(string_agg(id || $$:$$ || version || $$:$$ || status, $$|$$ ORDER BY id), $$$$))',
  incident_events: 'count(*)::text',
  outbox: 'count(*)::text',
  incident_timeline: 'count(*)::text',
  incident_keys: 'count(*)::text',
  notification_sends: 'count(*)::text',
  webhook_deliveries: 'count(*)::text',
};

let sql: string | undefined;

/**
 * What a refused request must leave exactly as it found it: the event store, the outbox, the
 * projections, the directory, the policy, webhooks and API keys. Reads are audited in
 * `incident_access_log` and page sign-ins write `web_sessions`; neither is a change of state.
 * Tables the schema does not have (yet) are left out.
 */
export async function dbFingerprint(db: DataSource): Promise<Record<string, string>> {
  if (!sql) {
    const present: { name: string }[] = await db.query(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = ANY($1)`,
      [Object.keys(STATE)],
    );
    sql = present.map(({ name }) => `SELECT '${name}' AS t, ${STATE[name]} AS v FROM ${name} x`).join(' UNION ALL ');
  }
  const rows: { t: string; v: string }[] = await db.query(sql);
  return Object.fromEntries(rows.map((r) => [r.t, r.v]));
}
