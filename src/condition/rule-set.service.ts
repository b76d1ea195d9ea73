import type { EntityManager } from '@mikro-orm/postgresql';
import { DamageRuleSetVersionSchema } from './damage-rule-set.entity.js';
import { validateRuleSet, type DamageRuleSet } from './damage-ruleset.rules.js';
import { computeDamageLevel } from './damage-level.rules.js';
import type { RuleSetBody } from './condition.schemas.js';
import { canManageNationalData } from '../domain/permissions.rules.js';
import { throwIfIssues } from '../kernel/issues.js';
import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../kernel/app-error.js';
import { requireActor, type Context } from '../kernel/context.js';
import { lockRuleSetPublishing, newestAssessmentsAfter } from './rule-set.repository.js';

function requireNationalAdmin(scope: Context) {
  const actor = requireActor(scope);
  if (!canManageNationalData(actor)) {
    throw AppError.forbidden(
      '只有国家级管理员可以管理破损定级规则集',
      'Only national admins manage rule sets',
    );
  }
  return actor;
}

async function nextVersion(em: EntityManager): Promise<number> {
  const [latest] = await em.find(DamageRuleSetVersionSchema, {}, { orderBy: { version: 'desc' }, limit: 1 });
  return (latest?.version ?? 0) + 1;
}

/** Validates a candidate definition as the next version; 400 naming each defect. */
async function candidateOf(em: EntityManager, body: RuleSetBody): Promise<DamageRuleSet> {
  const version = await nextVersion(em);
  const candidate = { ...body.definition, version };
  throwIfIssues('RULESET_INVALID', validateRuleSet(candidate), 'definition');
  return candidate as unknown as DamageRuleSet;
}

/** Every published version, newest first; the first is active. */
export async function listRuleSets(scope: Context) {
  requireActor(scope);
  const rows = await scope.em.find(DamageRuleSetVersionSchema, {}, { orderBy: { version: 'desc' } });
  return {
    activeVersion: rows[0]?.version ?? null,
    items: rows.map((r, i) => ({
      version: r.version,
      active: i === 0,
      note: r.note ?? null,
      publishedAt: r.publishedAt.toISOString(),
      publishedByEmail: r.publishedByEmail ?? null,
      definition: { ...r.definition, version: r.version },
    })),
  };
}

/** Publishes a new version; past assessments keep the version they were computed with. */
export async function publishRuleSet(scope: Context, body: RuleSetBody) {
  const actor = requireNationalAdmin(scope);
  return scope.em.transactional(async (em) => {
    await lockRuleSetPublishing(em);
    const candidate = await candidateOf(em, body);
    const row = em.create(DamageRuleSetVersionSchema, {
      version: candidate.version,
      definition: candidate,
      note: body.note ?? null,
      publishedBy: actor.userId,
      publishedByEmail: actor.email,
    });
    recordAudit(em, scope, {
      action: 'damage_rule_set.publish',
      entityType: 'damage_rule_set',
      entityId: String(candidate.version),
      after: { version: candidate.version, note: body.note ?? null },
    });
    await em.flush();
    return {
      version: row.version,
      active: true,
      note: row.note ?? null,
      publishedAt: row.publishedAt.toISOString(),
      publishedByEmail: row.publishedByEmail ?? null,
      definition: candidate,
    };
  });
}

const PAGE = 2000;

/** How many records' current computed levels a candidate rule set would change (nothing is stored). */
export async function previewRuleSet(scope: Context, body: RuleSetBody) {
  requireNationalAdmin(scope);
  const candidate = await candidateOf(scope.em, body);
  const transitions = new Map<string, number>();
  let assessed = 0;
  let changed = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    // Keyset pages over records, each with its newest assessment, so a big census never sits in memory.
    const rows = await newestAssessmentsAfter(scope.em, after, PAGE);
    for (const r of rows) {
      assessed += 1;
      const level = computeDamageLevel(
        {
          observations: r.observations,
          phReadings: r.ph_readings,
          ...(r.total_leaves != null ? { totalLeaves: r.total_leaves } : {}),
        },
        candidate,
      ).level;
      if (level !== r.computed_level) {
        changed += 1;
        const key = `${r.computed_level}→${level}`;
        transitions.set(key, (transitions.get(key) ?? 0) + 1);
      }
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.record_id;
  }
  return {
    version: candidate.version,
    assessedRecords: assessed,
    changed,
    transitions: [...transitions].map(([key, count]) => {
      const [from, to] = key.split('→');
      return { from, to, count };
    }),
  };
}
