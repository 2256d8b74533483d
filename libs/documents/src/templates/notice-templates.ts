import { Actor, IdGenerator, streamName, SYSTEM_ACTOR } from '@bihuan/core';
import { EventStore, RecordedEvent, sm3Hex } from '@bihuan/event-store';
import { NoticeKind } from '@bihuan/inspection';
import { handleCommand } from '@bihuan/processing';
import { buildDefaultTemplate } from './default-templates';
import {
  AddNoticeTemplateVersion,
  NOTICE_TEMPLATE_STREAM_CATEGORY,
  noticeTemplateDecider,
  NoticeTemplateVersionAdded,
} from './notice-template.decider';
import { inspectTemplate } from './template-inspection';

/** A template version as recorded, with its bytes. */
export interface NoticeTemplateVersion extends Omit<NoticeTemplateVersionAdded['data'], 'contentBase64'> {
  readonly bytes: Buffer;
}

function toVersion(event: RecordedEvent): NoticeTemplateVersion {
  const { contentBase64, ...data } = event.data as NoticeTemplateVersionAdded['data'];
  return { ...data, bytes: Buffer.from(contentBase64, 'base64') };
}

/**
 * The templates notices are filled from, kept as events in `noticeTemplate-<kind>` (ADR 0009):
 * the current version is the last one; the built-in template is recorded as version 1 the first
 * time a kind is needed. Decoded versions are remembered (they never change once written).
 */
export class NoticeTemplates {
  private readonly decoded = new Map<string, NoticeTemplateVersion>();
  /** Built-in templates, built once per process (building one takes a docx render). */
  private readonly builtIn = new Map<NoticeKind, Promise<Buffer>>();

  constructor(
    private readonly store: EventStore,
    private readonly ids: IdGenerator,
    private readonly now: () => string,
  ) {}

  static stream(kind: NoticeKind): string {
    return streamName(NOTICE_TEMPLATE_STREAM_CATEGORY, kind);
  }

  /** The version in force, recording the built-in one first if the kind has none yet. */
  async current(kind: NoticeKind): Promise<NoticeTemplateVersion> {
    const last = await this.last(kind);
    if (last) return last;
    const bytes = await this.builtInBytes(kind);
    await this.add(kind, bytes, 'default', '内置模板（首次使用时记录）', SYSTEM_ACTOR);
    const seeded = await this.last(kind);
    if (!seeded) throw new Error(`Template of ${kind} was not recorded`);
    return seeded;
  }

  /**
   * What a read shows as the version in force without writing anything: the last recorded one, or
   * the built-in template (version 0, not yet recorded) for a kind never used.
   */
  async inForce(kind: NoticeKind): Promise<NoticeTemplateVersion> {
    const last = await this.last(kind);
    if (last) return last;
    const bytes = await this.builtInBytes(kind);
    return {
      kind,
      version: 0,
      source: 'default',
      digest: sm3Hex(bytes),
      sizeBytes: bytes.length,
      fields: inspectTemplate(bytes),
      reason: '内置模板（尚未使用）',
      addedBy: SYSTEM_ACTOR.id,
      addedAt: '',
      bytes,
    };
  }

  /** A version by number, or null when the kind has no such version. */
  async version(kind: NoticeKind, version: number): Promise<NoticeTemplateVersion | null> {
    const key = `${kind}@${version}`;
    const known = this.decoded.get(key);
    if (known) return known;
    if (!Number.isInteger(version) || version < 1) return null;
    const [event] = await this.store.readStream(NoticeTemplates.stream(kind), { fromRevision: version - 1, maxCount: 1 });
    return event ? this.remember(toVersion(event)) : null;
  }

  /** Checks an uploaded DOCX (400, nothing kept, when it does not pass) and records it as the next version. */
  async replace(kind: NoticeKind, bytes: Buffer, reason: string, actor: Actor): Promise<NoticeTemplateVersion> {
    inspectTemplate(bytes);
    await this.current(kind);
    await this.add(kind, bytes, 'upload', reason, actor);
    const added = await this.last(kind);
    if (!added) throw new Error(`Template of ${kind} was not recorded`);
    return added;
  }

  private async last(kind: NoticeKind): Promise<NoticeTemplateVersion | null> {
    const stream = NoticeTemplates.stream(kind);
    const [head] = await this.store.readStream(stream, { direction: 'backwards', maxCount: 1 });
    if (!head) return null;
    return this.version(kind, head.revision + 1);
  }

  private builtInBytes(kind: NoticeKind): Promise<Buffer> {
    let bytes = this.builtIn.get(kind);
    if (!bytes) this.builtIn.set(kind, (bytes = buildDefaultTemplate(kind)));
    return bytes;
  }

  private remember(version: NoticeTemplateVersion): NoticeTemplateVersion {
    this.decoded.set(`${version.kind}@${version.version}`, version);
    return version;
  }

  private async add(kind: NoticeKind, bytes: Buffer, source: 'default' | 'upload', reason: string, actor: Actor): Promise<void> {
    const commandId = this.ids.next();
    const command: AddNoticeTemplateVersion = {
      type: 'AddNoticeTemplateVersion',
      data: {
        kind,
        source,
        contentBase64: bytes.toString('base64'),
        digest: sm3Hex(bytes),
        sizeBytes: bytes.length,
        fields: inspectTemplate(bytes),
        reason,
      },
      metadata: { commandId, correlationId: commandId, causationId: null, actor, now: this.now() },
    };
    await handleCommand(this.store, NoticeTemplates.stream(kind), noticeTemplateDecider, command);
  }
}
