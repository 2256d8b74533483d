import { App, Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { api } from '../../client/client';
import { call } from '../../client/errors';
import { useStepMutation } from '../../shared/step-mutation';
import { beijingDateTime } from '../../shared/time';
import { type Draw, publicDrawPath, revealBlocker, useRefreshDraws } from './draw-queries';

/**
 * 种子承诺与公开: the SM3 digests published before anything was drawn, the public page that shows
 * them, and 揭示种子 — disabled, with the reason, until every drawn visit is conducted or cancelled.
 * Once revealed: the seed, and how anyone checks the draw from the public page.
 */
export function DrawCommitment({ draw, mayReveal }: { draw: Draw; mayReveal: boolean }) {
  const { modal } = App.useApp();
  const refresh = useRefreshDraws();
  const reveal = useStepMutation({
    send: () => call(api.POST('/draws/{drawId}/reveal', { params: { path: { drawId: draw.drawId } } })),
    done: '种子已公开',
    refresh,
  });
  const blocker = revealBlocker(draw);
  const publicPath = publicDrawPath(draw.drawId);
  const c = draw.commitment;
  const confirmReveal = () =>
    modal.confirm({
      title: '公开这次抽取的种子？',
      content:
        '公开后，公开页将显示种子、抽取条件和抽中机构，任何人都可核验种子与抽取前公布的摘要一致，并重新抽取得到相同结果。公开不可撤回。',
      okText: '公开种子',
      cancelText: '返回',
      onOk: () => reveal.mutateAsync(undefined).catch(() => undefined),
    });

  return (
    <Card
      title="种子承诺与公开"
      actions={
        mayReveal && draw.status !== 'revealed' && c
          ? [
              <Space key="reveal" orientation="vertical" size={4}>
                <Button size="large" type="primary" disabled={Boolean(blocker)} loading={reveal.isPending} onClick={confirmReveal}>
                  揭示种子
                </Button>
                {blocker ? (
                  <Typography.Text type="secondary" data-testid="reveal-blocker">
                    {blocker}
                  </Typography.Text>
                ) : null}
              </Space>,
            ]
          : undefined
      }
    >
      {!c ? (
        <Alert type="info" showIcon title="该抽取早于种子承诺制度，抽取时即已公布种子。" />
      ) : (
        <Descriptions column={1} size="small">
          <Descriptions.Item label="承诺时间">{beijingDateTime(c.committedAt)}</Descriptions.Item>
          <Descriptions.Item label="种子摘要 SM3(种子)">
            <span className="hash-text" data-testid="seed-digest">
              {c.seedDigest}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label="条件摘要">
            <span className="hash-text">{c.inputsDigest}</span>
          </Descriptions.Item>
          {draw.seed ? (
            <Descriptions.Item label="种子">
              <span className="hash-text" data-testid="seed">
                {draw.seed}
              </span>
            </Descriptions.Item>
          ) : null}
          {draw.revealedAt ? <Descriptions.Item label="公开时间">{beijingDateTime(draw.revealedAt)}</Descriptions.Item> : null}
          <Descriptions.Item label="公开核验页">
            <a href={publicPath} target="_blank" rel="noopener">
              {publicPath}
            </a>
          </Descriptions.Item>
        </Descriptions>
      )}
      {draw.status === 'revealed' ? (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          title="离线核验"
          description={
            <>
              将公开核验页的内容保存为 JSON 文件后运行 <Typography.Text code>npm run cli -- verify --draw &lt;文件&gt;</Typography.Text>
              ，即可核对种子摘要、条件摘要并按公开的种子重新抽取。
            </>
          }
        />
      ) : null}
    </Card>
  );
}
