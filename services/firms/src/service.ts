import {
  loadTypeDefs,
  startService,
  systemClock,
  type AccessTokenIssuer,
  type BaseServiceConfig,
  type Clock,
  type EventTransport,
  type Logger,
  type RunningService,
} from '@advisor/kit';
import { FirmEntity } from './db/entities/firm.entity';
import { MemberEntity } from './db/entities/member.entity';
import { CredentialEntity } from './db/entities/credential.entity';
import { CreateFirms1763769600000 } from './db/migrations/1763769600000-create-firms';
import { createFirmsDomain } from './domain';
import { createContext, type FirmsContext } from './context';
import { resolvers } from './resolvers';

export const FIRMS_SERVICE = 'firms';

export function startFirmsService(opts: {
  config: BaseServiceConfig;
  transport: EventTransport;
  issuer: AccessTokenIssuer;
  clock?: Clock;
  logger?: Logger;
}): Promise<RunningService> {
  return startService<FirmsContext>({
    name: FIRMS_SERVICE,
    config: opts.config,
    transport: opts.transport,
    logger: opts.logger,
    entities: [FirmEntity, MemberEntity, CredentialEntity],
    migrations: [CreateFirms1763769600000],
    typeDefs: loadTypeDefs(__dirname),
    producesEvents: false,
    build: (db) => {
      const domain = createFirmsDomain(db, opts.issuer, opts.clock ?? systemClock);
      return { resolvers, createContext: (identity) => createContext(domain, identity) };
    },
  });
}
