import { Button, Space, Typography } from 'antd';
import { useState } from 'react';

/** The cursors of a keyset-paged list walked so far (the API's `nextCursor`), so 上一页 goes back without re-counting. */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  return {
    /** The cursor of the page shown (undefined: the first). */
    cursor: cursors[cursors.length - 1],
    /** 1 for the first page. */
    number: cursors.length,
    back: () => setCursors((list) => (list.length > 1 ? list.slice(0, -1) : list)),
    forward: (next: string) => setCursors((list) => [...list, next]),
    /** Back to the first page (after a filter changed). */
    reset: () => setCursors([undefined]),
  };
}

/** 第 n 页 · 上一页 · 下一页 under a keyset-paged list. */
export function CursorPager({
  pages,
  nextCursor,
  busy,
}: {
  pages: ReturnType<typeof useCursorPages>;
  nextCursor: string | null | undefined;
  busy: boolean;
}) {
  return (
    <Space style={{ marginTop: 16, justifyContent: 'flex-end', width: '100%' }}>
      <Typography.Text type="secondary">第 {pages.number} 页</Typography.Text>
      <Button disabled={pages.number <= 1 || busy} onClick={pages.back}>
        上一页
      </Button>
      <Button disabled={!nextCursor || busy} onClick={() => nextCursor && pages.forward(nextCursor)}>
        下一页
      </Button>
    </Space>
  );
}
