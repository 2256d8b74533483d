/** The inspector's steps on a finding page (notice, sign-off review …): the inspector workspace fills this in. */
export function InspectorFindingActions({ findingId }: { findingId: string }) {
  void findingId;
  return null;
}
