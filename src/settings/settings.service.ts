import type { EntityManager } from '@mikro-orm/postgresql';
import { SettingSchema } from './setting.entity.js';

/** Reads a setting, falling back to the shipped default when nobody has changed it. */
export async function readSetting<T>(em: EntityManager, key: string, fallback: T): Promise<T> {
  const row = await em.findOne(SettingSchema, { key });
  return row ? (row.value as T) : fallback;
}
