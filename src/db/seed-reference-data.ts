import type { EntityManager } from '@mikro-orm/postgresql';
import { PROVINCES } from '../institutions/provinces.data.js';
import { seedCodeLists } from '../census/code-list.service.js';

/** Inserts or refreshes the reference data every database needs (idempotent; runs after migrations). */
export async function seedReferenceData(em: EntityManager): Promise<void> {
  const knex = em.getKnex();
  await knex('province')
    .insert(PROVINCES.map((p) => ({ code: p.code, name_zh: p.nameZh, name_en: p.nameEn })))
    .onConflict('code')
    .merge(['name_zh', 'name_en']);
  await seedCodeLists(em);
}
