import { Provider } from '@nestjs/common';
import { Clock, CLOCK, ID_GENERATOR, IdGenerator } from '@bihuan/core';
import { EVENT_STORE, EventStore } from '@bihuan/event-store';
import { DocumentNumberRegister } from '../numbering/document-number.register';
import { NoticeTemplates } from '../templates/notice-templates';

/** The register and the template versions on the platform's log (one of each per process). */
export const DOCUMENTS_PROVIDERS: Provider[] = [
  { provide: DocumentNumberRegister, inject: [EVENT_STORE], useFactory: (store: EventStore) => new DocumentNumberRegister(store) },
  {
    provide: NoticeTemplates,
    inject: [EVENT_STORE, ID_GENERATOR, CLOCK],
    useFactory: (store: EventStore, ids: IdGenerator, clock: Clock) => new NoticeTemplates(store, ids, () => clock.now().toISOString()),
  },
];
