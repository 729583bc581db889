import { stepsFor } from './incident-permissions';

const reported = { closedAt: null, ownerId: null, escalatedTo: [], assessments: [], decision: null };

describe('stepsFor', () => {
  it('offers a reporter only the chance to add information', () => {
    const steps = stepsFor(['colleague'], { closedAt: null });
    expect(Object.entries(steps).filter(([, v]) => v)).toEqual([['information', true]]);
  });

  it('offers the DPO acknowledgement first, and no decision before an assessment', () => {
    const steps = stepsFor(['dpo'], reported);
    expect(steps.acknowledge).toBe(true);
    expect(steps.assessment).toBe(false);
    expect(steps.decision).toBe(false);
  });

  it('lets an EMT member decide only once the incident has been escalated to the EMT', () => {
    const assessed = { ...reported, ownerId: 'x', assessments: [{}] };
    expect(stepsFor(['emt'], assessed).decision).toBe(false);
    expect(stepsFor(['emt'], { ...assessed, escalatedTo: ['emt'] }).decision).toBe(true);
  });

  it('gives an auditor nothing to do', () => {
    expect(Object.values(stepsFor(['auditor'], reported)).some(Boolean)).toBe(false);
  });
});
