import { DEFAULT_DAMAGE_RULESET } from '../../../src/condition/damage-ruleset.rules.js';
import { DEFAULT_TRIAGE_WEIGHTS } from '../../../src/triage/triage.rules.js';
import type { CaseEntry } from './world.js';

const assessment = { observations: [{ damageType: '虫蛀', areaPercent: 10 }], phReadings: [] };
const ruleSet = { definition: { ...DEFAULT_DAMAGE_RULESET }, note: 'x' };

/** Cross-tenant cases of grading, condition assessments, rule sets and triage weights. */
export const GRADING_CASES: Record<string, CaseEntry> = {
  'POST /api/records/:censusNumber/gradings': async (w) => [
    {
      who: 'cataloguer A grades a record of B',
      status: (await w.catA.post(`/api/records/${w.recordB}/gradings`, { grade: '二级' })).status,
    },
    {
      who: 'conservator A grades a record of B',
      status: (await w.consA.post(`/api/records/${w.recordB}/gradings`, { grade: '二级' })).status,
    },
    {
      who: 'Fujian admin grades a Jiangsu record',
      status: (await w.paFujian.post(`/api/records/${w.recordJs}/gradings`, { grade: '二级' })).status,
    },
  ],
  'POST /api/records/:censusNumber/assessments': async (w) => [
    {
      who: 'conservator A assesses a record of B',
      status: (await w.consA.post(`/api/records/${w.recordB}/assessments`, assessment)).status,
    },
    {
      who: 'Fujian admin assesses a Jiangsu record',
      status: (await w.paFujian.post(`/api/records/${w.recordJs}/assessments`, assessment)).status,
    },
  ],
  'POST /api/institutions/:id/assessment-imports': async (w) => {
    const form = () => {
      const f = new FormData();
      f.set('file', new Blob(['索书号,破损类型,破损面积%\nX1,虫蛀,10\n']), 'a.csv');
      return f;
    };
    const send = async (client: typeof w.consA, institutionId: string) =>
      (
        await fetch(`${client.baseUrl}/api/institutions/${institutionId}/assessment-imports`, {
          method: 'POST',
          headers: { authorization: `Bearer ${client.token}` },
          body: form(),
        })
      ).status;
    return [
      { who: 'conservator A imports assessments into B', status: await send(w.consA, w.instB.id) },
      { who: 'cataloguer A imports assessments into B', status: await send(w.catA, w.instB.id) },
      { who: 'Fujian admin imports assessments into Jiangsu', status: await send(w.paFujian, w.instJs.id) },
    ];
  },
  // Computes a level from the posted observations only; reads and writes no one's data.
  'POST /api/assessments/compute': 'self-only',
  'POST /api/precious-list': async (w) => [
    {
      who: 'Fujian admin adds to the national precious list',
      status: (await w.paFujian.post('/api/precious-list', { number: '09999', batch: 1, year: 2008 })).status,
    },
  ],
  'POST /api/rulesets': async (w) => [
    {
      who: 'Fujian admin publishes a rule set',
      status: (await w.paFujian.post('/api/rulesets', ruleSet)).status,
    },
    {
      who: 'conservator A publishes a rule set',
      status: (await w.consA.post('/api/rulesets', ruleSet)).status,
    },
  ],
  'POST /api/rulesets/preview': async (w) => [
    {
      who: 'Fujian admin previews a national rule set',
      status: (await w.paFujian.post('/api/rulesets/preview', ruleSet)).status,
    },
  ],
  'PUT /api/triage/weights': async (w) => [
    {
      who: 'Fujian admin changes the national triage weights',
      status: (await w.paFujian.request('PUT', '/api/triage/weights', DEFAULT_TRIAGE_WEIGHTS)).status,
    },
  ],
  'POST /api/triage/rebuild': async (w) => [
    {
      who: 'Fujian admin re-ranks the nation',
      status: (await w.paFujian.post('/api/triage/rebuild')).status,
    },
  ],
};
