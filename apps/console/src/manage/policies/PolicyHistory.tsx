import { Card, Empty, Timeline, Typography } from 'antd';
import type { Schemas } from '../../client/client';
import { beijingDateTime } from '../../shared/time';
import { settingsOf, valueText } from './policy-values';

type Change = Schemas['PolicyChangeDto'];

/** 修改记录: every change, newest first, with who, when, why and the settings it left adjusted. */
export function PolicyHistory({ history, labelOf }: { history: readonly Change[]; labelOf: (path: string) => string }) {
  return (
    <Card size="small" title={`修改记录（${history.length} 次）`}>
      {history.length === 0 ? (
        <Empty description="尚未修改过，现行值即默认值" />
      ) : (
        <Timeline
          items={[...history].reverse().map((change) => {
            const adjusted = settingsOf(change.overrides, {});
            return {
              key: change.revision,
              children: (
                <div className="policy-change">
                  <Typography.Text strong>
                    第 {change.revision + 1} 次修改 · {beijingDateTime(change.changedAt)} · {change.changedBy.id}
                  </Typography.Text>
                  <div>原因：{change.reason}</div>
                  <div>
                    调整后与默认值不同的参数：
                    {adjusted.length ? adjusted.map((s) => `${labelOf(s.path)} = ${valueText(s.value)}`).join('；') : '无（已恢复默认）'}
                  </div>
                </div>
              ),
            };
          })}
        />
      )}
    </Card>
  );
}
