import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '#libs/shared';
import { EscalationPolicy, policyProblems } from '../escalation-policy';

/** Published policies, by version. Versions never change, so each is read once and cached. */
@Injectable()
export class PolicyStore {
  private readonly cache = new Map<number, EscalationPolicy>();

  constructor(private readonly dataSource: DataSource) {}

  async get(version: number): Promise<EscalationPolicy> {
    const cached = this.cache.get(version);
    if (cached) return cached;
    const [row]: { policy: Omit<EscalationPolicy, 'version'> }[] = await this.dataSource.query(
      'SELECT policy FROM escalation_policies WHERE version = $1',
      [version],
    );
    if (!row) throw new Error(`Escalation policy version ${version} does not exist`);
    const policy = { ...row.policy, version };
    this.cache.set(version, policy);
    return policy;
  }

  async current(): Promise<EscalationPolicy> {
    const [{ version }]: { version: number }[] = await this.dataSource.query(
      'SELECT max(version) AS version FROM escalation_policies',
    );
    return this.get(version);
  }

  /** Publishes a new version; open incidents keep the one they started with. */
  async publish(proposal: Omit<EscalationPolicy, 'version'>, publishedBy: string): Promise<EscalationPolicy> {
    const problems = policyProblems(proposal);
    if (problems.length) {
      throw new DomainError('invalid_policy', 'The escalation policy is not valid.', 'rule', { problems });
    }
    const { notifyAtReport, escalations, remindOwnerBeforeDeadlineHours, notifyWhenDeadlineMissed } = proposal;
    const body = { notifyAtReport, escalations, remindOwnerBeforeDeadlineHours, notifyWhenDeadlineMissed };
    const version = await this.dataSource.transaction(async (tx) => {
      await tx.query('LOCK TABLE escalation_policies IN EXCLUSIVE MODE');
      const [{ next }]: { next: number }[] = await tx.query(
        'SELECT coalesce(max(version), 0) + 1 AS next FROM escalation_policies',
      );
      await tx.query('INSERT INTO escalation_policies (version, policy, published_by) VALUES ($1, $2, $3)', [
        next,
        body,
        publishedBy,
      ]);
      return next;
    });
    return this.get(version);
  }
}
