import { principalFromClaims } from './oidc-sign-in';

describe('principalFromClaims', () => {
  it('takes the Entra object id and the app roles that name Breach Desk roles', () => {
    expect(
      principalFromClaims({ oid: 'o-1', sub: 's-1', roles: ['dpo', 'Directory.Read', 'dpo'], name: 'Dana Price' }),
    ).toEqual({ id: 'o-1', roles: ['dpo'], partnerId: null, name: 'Dana Price' });
  });

  it('falls back to sub and the username', () => {
    expect(principalFromClaims({ sub: 's-1', roles: ['colleague'], preferred_username: 'chris@example.org' })).toEqual({
      id: 's-1',
      roles: ['colleague'],
      partnerId: null,
      name: 'chris@example.org',
    });
  });

  it('refuses someone with no Breach Desk role', () => {
    expect(principalFromClaims({ oid: 'o-1', roles: ['Directory.Read'] })).toBeUndefined();
    expect(principalFromClaims({ oid: 'o-1' })).toBeUndefined();
  });
});
