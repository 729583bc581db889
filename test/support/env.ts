// Tests use their own database and Redis prefix, never the `breach_desk` a newcomer starts.
process.env.NODE_ENV = 'test';
process.env.DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/breach_desk_test';
process.env.REDIS_PREFIX = process.env.TEST_REDIS_PREFIX ?? 'bdtest';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
process.env.OUTBOX_POLL_MS = '200';
// Random ports for any embedded SMTP catcher, so several workers can run side by side.
process.env.SMTP_CATCHER_PORT = '0';
process.env.SEND_RETRY_DELAY_MS = '100';
process.env.JOB_LOCK_MS = '2000';
// Tests report far faster than people do; the rate-limit test sets its own low limit.
process.env.RATE_LIMIT_REPORTS_PER_MINUTE ??= '100000';
process.env.RATE_LIMIT_SIGN_IN_PER_MINUTE ??= '100000';
