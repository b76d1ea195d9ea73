import type { EntityManager } from '@mikro-orm/postgresql';

/** Who holds a precious-list (名录) number: the record's institution, call number and census number. */
export interface PreciousNumberHolder {
  precious_list_number: string;
  institution_id: string;
  call_number: string;
  census_number: string;
}

/** The records that already hold any of these precious-list numbers. */
export function preciousNumberHolders(
  em: EntityManager,
  numbers: readonly string[],
): Promise<PreciousNumberHolder[]> {
  return em.execute<PreciousNumberHolder[]>(
    'select precious_list_number, institution_id, call_number, census_number from census_record where precious_list_number in (?)',
    [numbers],
  );
}
