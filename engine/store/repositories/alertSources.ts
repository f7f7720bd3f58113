import type { AlertSourceRecord, NewAlertSource } from '../records.js';

export interface AlertSourcesReader {
  get(id: number): Promise<AlertSourceRecord | null>;
  getByIntegrationKey(key: string): Promise<AlertSourceRecord | null>;
  list(): Promise<AlertSourceRecord[]>;
  /** The sources that name this escalation policy (by its id as text), by id. */
  listByPolicy(policyId: string): Promise<AlertSourceRecord[]>;
}

export interface AlertSourcesRepo extends AlertSourcesReader {
  insert(source: NewAlertSource): Promise<AlertSourceRecord>;
  update(
    id: number,
    patch: Partial<
      Pick<
        AlertSourceRecord,
        | 'name'
        | 'escalationPolicyId'
        | 'ackTimeoutMinutes'
        | 'autoResolveMinutes'
        | 'integrationKey'
        | 'updatedAt'
      >
    >,
  ): Promise<AlertSourceRecord>;
  /** Soft delete: alerts keep their source's id; the integration key stops working. */
  remove(id: number, at: number): Promise<void>;
}
