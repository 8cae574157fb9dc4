import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { createQueries, type Database } from '../../../libs/persistence/src/index.js';

/**
 * The read models as the API sees them: one provider per query module of libs/persistence,
 * injected by class. The connection itself is handed to no service, controller or DTO.
 */
@Global()
@Module({})
export class PersistenceModule {
  static forRoot(db: Database): DynamicModule {
    const providers: Provider[] = Object.values(createQueries(db)).map((queries) => ({
      provide: queries.constructor,
      useValue: queries,
    }));
    return { module: PersistenceModule, providers, exports: providers };
  }
}
