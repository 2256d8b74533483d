import { Command, Decider, DomainEvent, EventTypes } from '@bihuan/core';

/** Stream category of template versions: `noticeTemplate-<kind>`; version N is revision N-1. */
export const NOTICE_TEMPLATE_STREAM_CATEGORY = 'noticeTemplate';

/** Where a template version came from: the built-in one (recorded on first use) or an admin's upload. */
export type TemplateSource = 'default' | 'upload';

interface TemplateVersionData {
  readonly kind: string;
  readonly source: TemplateSource;
  /** The DOCX bytes, base64: a version must stay readable as long as a notice issued from it may be downloaded. */
  readonly contentBase64: string;
  /** SM3 of the DOCX bytes. */
  readonly digest: string;
  readonly sizeBytes: number;
  /** The placeholders it uses (checked on upload). */
  readonly fields: readonly string[];
  readonly reason: string;
}

export type AddNoticeTemplateVersion = Command<'AddNoticeTemplateVersion', TemplateVersionData>;

export type NoticeTemplateVersionAdded = DomainEvent<
  'NoticeTemplateVersionAdded',
  TemplateVersionData & { readonly version: number; readonly addedBy: string; readonly addedAt: string }
>;

/** The template stream's one event type, as a runtime list (summary completeness). */
export const NOTICE_TEMPLATE_EVENTS: EventTypes<NoticeTemplateVersionAdded> = { NoticeTemplateVersionAdded: true };

/**
 * One notice kind's templates: each upload adds a version, none is ever overwritten, so any notice
 * can be regenerated from the version it names. The built-in template is added once, as version 1,
 * by whoever first needs it; a second such request (a race on first use) writes nothing.
 */
export const noticeTemplateDecider: Decider<AddNoticeTemplateVersion, NoticeTemplateVersionAdded, { readonly version: number }> = {
  initialState: { version: 0 },
  evolve: (_state, event) => ({ version: event.data.version }),
  decide(command, state) {
    if (command.data.source === 'default' && state.version > 0) return [];
    const { actor, now } = command.metadata;
    return [{ type: 'NoticeTemplateVersionAdded', data: { ...command.data, version: state.version + 1, addedBy: actor.id, addedAt: now } }];
  },
};
