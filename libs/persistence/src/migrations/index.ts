import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { Notifications1764000000001 } from './1764000000001-notifications';
import { EscalationPolicies1764000000002 } from './1764000000002-escalation-policies';
import { Webhooks1764000000003 } from './1764000000003-webhooks';
import { Retention1764000000004 } from './1764000000004-retention';
import { PartnerApiKeys1764000000006 } from './1764000000006-partner-api-keys';
import { RegisterIndex1764000000007 } from './1764000000007-register-index';
import { WebSessions1764000000005 } from './1764000000005-web-sessions';

/** Every migration, oldest first. `npm run migration:generate -- <name>` prints the line to add. */
export const migrations = [
  InitialSchema1764000000000,
  Notifications1764000000001,
  EscalationPolicies1764000000002,
  Webhooks1764000000003,
  Retention1764000000004,
  WebSessions1764000000005,
  PartnerApiKeys1764000000006,
  RegisterIndex1764000000007,
];
