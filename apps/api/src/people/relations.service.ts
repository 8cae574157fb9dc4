import { Injectable } from '@nestjs/common';
import { NO_RELATIONS, type ActiveRelations } from '../../../../libs/domain/src/index.js';

/**
 * Which people the caller mentors or supervises in an active mentorship. Mentorship workflows
 * do not exist yet, so nobody has such a relation; their read model will feed this one method.
 */
@Injectable()
export class RelationsService {
  async activeRelations(_viewerId: string): Promise<ActiveRelations> {
    return NO_RELATIONS;
  }
}
