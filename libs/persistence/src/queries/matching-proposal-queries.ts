import type { DataSource } from 'typeorm';
import { MatchingProposalEntity } from '../entities/matching-proposal.entity.js';

/** A proposal version with its explained result (written by the worker's solve activity). */
export interface ProposalRecord {
  programId: string;
  version: number;
  status: string;
  request: unknown;
  result: unknown;
  failure: string | null;
  requestedBy: string;
  requestedAt: Date;
  solvedAt: Date | null;
  approved: boolean;
}

/** The one reader of `matching_proposals`. */
export class MatchingProposalQueries {
  constructor(private readonly db: DataSource) {}

  find(programId: string, version: number): Promise<ProposalRecord | null> {
    return this.db.getRepository(MatchingProposalEntity).findOneBy({ programId, version });
  }
}
