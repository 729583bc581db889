import { DomainError } from '#libs/shared';
import { registerFilter, registerViewFor } from './register-filter';

describe('registerViewFor', () => {
  it('gives the DPO and governance everything, EMT and audit the anonymised register, others nothing', () => {
    expect(registerViewFor(['dpo'])).toBe('full');
    expect(registerViewFor(['governance'])).toBe('full');
    expect(registerViewFor(['emt'])).toBe('anonymised');
    expect(registerViewFor(['auditor'])).toBe('anonymised');
    expect(registerViewFor(['emt', 'dpo'])).toBe('full');
    expect(registerViewFor(['admin'])).toBeNull();
    expect(registerViewFor(['colleague', 'partner'])).toBeNull();
  });
});

describe('registerFilter', () => {
  it('leaves out what was not asked for', () => {
    expect(registerFilter({})).toEqual({ from: null, to: null, entityId: null });
    expect(registerFilter({ entity: 'HHL' })).toEqual({ from: null, to: null, entityId: 'HHL' });
  });

  it('refuses a period that ends before it starts, as invalid input', () => {
    const attempt = () => registerFilter({ from: '2025-01-02T00:00:00.000Z', to: '2025-01-01T00:00:00.000Z' });
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'invalid_period', kind: 'invalid' }));
  });
});
