import { Switch, Table } from 'antd';
import type { Schemas } from '../client/client';
import { useCatalogue } from '../shared/catalogue';

type Preferences = Schemas['NotificationPreferencesViewDto'];
type Override = Preferences['overrides'][number];
type Channel = 'email' | 'sms';

/** SMS to the complainant: not a staff member's notification, so nobody chooses it here. */
const NOT_FOR_STAFF = new Set(['complaintStatus']);

/**
 * The overrides with `kind`'s `channel` set to `on`, dropping an override that no longer differs
 * from the global choice (so turning a kind back to the global value leaves no exception behind).
 */
export function withKindChoice(preferences: Preferences, kind: Override['kind'], channel: Channel, on: boolean): Override[] {
  const others = preferences.overrides.filter((o) => o.kind !== kind);
  const current = preferences.overrides.find((o) => o.kind === kind);
  const next: Override = { ...current, kind, [channel]: on };
  const differs = (c: Channel) => next[c] !== undefined && next[c] !== preferences[c];
  const kept: Override = { kind, ...(differs('email') ? { email: next.email } : {}), ...(differs('sms') ? { sms: next.sms } : {}) };
  return differs('email') || differs('sms') ? [...others, kept] : others;
}

/** 按类型设置: e-mail and SMS per notification kind (e.g. SMS only for 升级督办), the inbox always on. */
export function KindPreferences(props: { preferences: Preferences; saving: boolean; onChange: (overrides: Override[]) => void }) {
  const words = useCatalogue();
  const { preferences } = props;
  const kinds = words.options('notificationKinds').filter((o) => !NOT_FOR_STAFF.has(o.value));
  const effective = (kind: string, channel: Channel): boolean =>
    preferences.overrides.find((o) => o.kind === kind)?.[channel] ?? preferences[channel];
  const toggle = (kind: string, channel: Channel, label: string) => (
    <Switch
      size="small"
      checked={effective(kind, channel)}
      loading={props.saving}
      aria-label={`${words.label('notificationKinds', kind)} · ${label}`}
      onChange={(on) => props.onChange(withKindChoice(preferences, kind as Override['kind'], channel, on))}
    />
  );
  return (
    <Table
      size="small"
      rowKey="value"
      pagination={false}
      dataSource={kinds}
      columns={[
        { title: '通知类型', dataIndex: 'label' },
        { title: '电子邮件', key: 'email', width: 96, render: (_: unknown, row) => toggle(row.value, 'email', '电子邮件') },
        { title: '短信', key: 'sms', width: 96, render: (_: unknown, row) => toggle(row.value, 'sms', '短信') },
      ]}
    />
  );
}
