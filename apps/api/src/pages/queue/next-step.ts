/** What an incident needs next, from what the list knows: its status and whether awareness is confirmed. */
export function nextStep(item: { status: string; awareConfirmed: boolean }): string {
  switch (item.status) {
    case 'reported':
      return 'Acknowledge and take ownership';
    case 'acknowledged':
    case 'investigating':
      return item.awareConfirmed ? 'Assess the risk' : 'Confirm when the group became aware';
    case 'assessed':
      return 'Decide whether to notify the ICO and the people affected';
    case 'decided':
      return 'Complete what the decision requires, then close';
    default:
      return 'Nothing: closed';
  }
}
