import { Role } from './roles';

/** The group's legal entities, from the privacy statement (seeds/privacy-statement.txt). */
export const GROUP_ENTITIES: ReadonlyArray<{ id: string; name: string; shortName: string }> = [
  { id: 'CHL', name: 'Connexus Housing Limited', shortName: 'Connexus' },
  { id: 'HHL', name: 'Herefordshire Housing Limited', shortName: 'HHL' },
  { id: 'IT', name: 'Independence Trust', shortName: 'IT' },
  { id: 'MMHA', name: 'Meres and Mosses Housing Association', shortName: 'MMHA' },
  { id: 'SSHA', name: 'South Shropshire Housing Association', shortName: 'SSHA' },
  { id: 'FLL', name: 'Floreat Living Limited', shortName: 'FLL' },
  { id: 'FDL', name: 'Floreat Development Limited', shortName: 'FDL' },
  { id: 'E4', name: 'Enterprise 4', shortName: 'E4' },
  { id: 'RISE', name: 'Rise Partnership Development Limited', shortName: 'RISE' },
  { id: 'TRL', name: 'Total Response Limited', shortName: 'TRL' },
  { id: 'SHTL', name: 'Shropshire Housing Treasury Limited', shortName: 'SHTL' },
  { id: 'HCL', name: 'Herefordshire Capital Limited', shortName: 'HCL' },
];

export interface DemoPerson {
  id: string;
  displayName: string;
  email: string;
  roles: Role[];
  entityId: string | null;
  partnerId: string | null;
  emtOnDuty?: boolean;
}

export const DEMO_PARTNER = { id: '7a1e0000-0000-4000-8000-0000000000a1', name: 'Marches Repairs Ltd' };
export const DEMO_EXTERNAL_CONTROLLER = {
  id: '7a1e0000-0000-4000-8000-0000000000c1',
  name: 'Shropshire Council (housing support contract)',
  notifyWithinHours: 24,
};

const id = (n: number) => `7a1e0000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Fictional people for development and tests; never seeded when NODE_ENV is production. */
export const DEMO_PEOPLE: DemoPerson[] = [
  {
    id: id(1),
    displayName: 'Dana Price (DPO)',
    email: 'dpo@breach-desk.example',
    roles: ['dpo'],
    entityId: 'CHL',
    partnerId: null,
  },
  {
    id: id(2),
    displayName: 'Gareth Hughes (Head of Governance)',
    email: 'governance@breach-desk.example',
    roles: ['governance'],
    entityId: 'CHL',
    partnerId: null,
  },
  {
    id: id(3),
    displayName: 'Erin Shaw (EMT)',
    email: 'emt@breach-desk.example',
    roles: ['emt'],
    entityId: 'CHL',
    partnerId: null,
    emtOnDuty: true,
  },
  {
    id: id(4),
    displayName: 'Ali Khan (internal audit)',
    email: 'auditor@breach-desk.example',
    roles: ['auditor'],
    entityId: 'CHL',
    partnerId: null,
  },
  {
    id: id(5),
    displayName: 'Sam Admin',
    email: 'admin@breach-desk.example',
    roles: ['admin'],
    entityId: 'CHL',
    partnerId: null,
  },
  {
    id: id(6),
    displayName: 'Chris Jones',
    email: 'chris@breach-desk.example',
    roles: ['colleague'],
    entityId: 'HHL',
    partnerId: null,
  },
  {
    id: id(7),
    displayName: 'Priya Patel',
    email: 'priya@breach-desk.example',
    roles: ['colleague'],
    entityId: 'SSHA',
    partnerId: null,
  },
  {
    id: id(8),
    displayName: 'Pat Morgan (Marches Repairs)',
    email: 'pat@marches-repairs.example',
    roles: ['partner'],
    entityId: null,
    partnerId: DEMO_PARTNER.id,
  },
];
