/** The inspector's steps on a complaint page (dispatch, supervision …): the inspector workspace fills this in. */
export function InspectorComplaintActions({ ticketId }: { ticketId: string }) {
  void ticketId;
  return null;
}
