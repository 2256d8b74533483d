import { Button, Grid } from 'antd';
import { ReactNode, useId, useState } from 'react';

/**
 * A list's filters, folded behind a 筛选 button on a phone (below md) so the rows come first, and
 * open on wider screens. The button says how many filters are set (筛选（2）), so a narrowed list
 * is never mistaken for the whole. The fold is a wrapper: antd's inline form is `display: flex`,
 * which would win over a `hidden` attribute on the form itself.
 */
export function FiltersFold({ active, children }: { active: number; children: ReactNode }) {
  const phone = !(Grid.useBreakpoint().md ?? true);
  const [open, setOpen] = useState(false);
  // The button names what it opens, for a screen reader as for eyes.
  const id = useId();
  return (
    <>
      {phone && (
        <Button block style={{ marginBottom: 12 }} onClick={() => setOpen((was) => !was)} aria-expanded={open} aria-controls={id}>
          {open ? '收起筛选' : `筛选${active > 0 ? `（${active}）` : ''}`}
        </Button>
      )}
      <div id={id} hidden={phone && !open}>
        {children}
      </div>
    </>
  );
}
