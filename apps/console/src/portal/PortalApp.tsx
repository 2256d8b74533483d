/**
 * The public portal (portal.html): plain, accessible HTML and React only — no component library —
 * so a phone on a slow network loads it quickly. Filled in by the portal work (issue 20 item 5).
 */
export function PortalApp() {
  return (
    <main className="portal">
      <h1>医疗服务投诉与信用公示</h1>
    </main>
  );
}
