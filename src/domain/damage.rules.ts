// The shared vocabulary of condition (破损定级, shared/domain/grading-condition.md): damage levels,
// damage types and the acidity bands of a pH reading. Census records, triage, search and statistics
// read it as well as the condition assessment, so it lives here and imports nothing.

/** Damage levels, most severe first: 一级破损 is the worst (WH/T 22-2006). */
export const DAMAGE_LEVELS = ['一级', '二级', '三级', '四级', '五级'] as const;
export type DamageLevel = (typeof DAMAGE_LEVELS)[number];
/** A computed condition: one of the damage levels, or 完好 when nothing was observed. */
export type ConditionLevel = DamageLevel | '完好';
/** Every condition level, most severe first (the values a condition filter or override accepts). */
export const CONDITION_LEVELS = [...DAMAGE_LEVELS, '完好'] as const;

export interface DamageType {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  /** Other spellings accepted as input: the second name of a pair, traditional characters. */
  readonly aliases: readonly string[];
}

// 书砖 is listed in the standard only as "粘连 (书砖 when fused)", but it alone decides 一级破损, so it is
// recorded as its own type: a plain 粘连 observation cannot tell sticking leaves from a fused block.
export const DAMAGE_TYPES: readonly DamageType[] = [
  { code: 'acidification', zh: '酸化', en: 'acidification', aliases: [] },
  { code: 'ageing', zh: '老化', en: 'ageing (yellowing, embrittlement)', aliases: ['ageing', 'aging'] },
  { code: 'mould', zh: '霉变', en: 'mould', aliases: ['霉蚀', '霉變', '霉蝕', '黴變', 'mold'] },
  { code: 'insect', zh: '虫蛀', en: 'insect damage', aliases: ['蟲蛀'] },
  { code: 'rodent', zh: '鼠啮', en: 'rodent damage', aliases: ['鼠齧', '鼠嚙', '鼠咬'] },
  { code: 'water_stain', zh: '水渍', en: 'water stain', aliases: ['水漬'] },
  { code: 'soiling', zh: '污渍', en: 'soiling', aliases: ['污漬', '汙漬'] },
  { code: 'loss', zh: '残缺', en: 'loss', aliases: ['缺损', '殘缺', '缺損'] },
  { code: 'blocking', zh: '粘连', en: 'blocking', aliases: ['粘連', '黏连', '黏連'] },
  { code: 'fused_block', zh: '书砖', en: 'fused block (leaves fused into a brick)', aliases: ['書磚'] },
  { code: 'tear', zh: '撕裂', en: 'tear', aliases: [] },
  { code: 'fibre_breakdown', zh: '絮化', en: 'fibre breakdown', aliases: ['fiber_breakdown'] },
  { code: 'friable', zh: '糟朽', en: 'friable', aliases: ['掉渣'] },
  { code: 'fire', zh: '烬毁', en: 'fire damage', aliases: ['燼毀'] },
  { code: 'creases', zh: '折痕', en: 'creases', aliases: [] },
  {
    code: 'split_fold_spine',
    zh: '书口/书脊开裂',
    en: 'split fold or spine',
    aliases: ['书口开裂', '书脊开裂', '書口/書脊開裂', '書口開裂', '書脊開裂'],
  },
  { code: 'broken_sewing', zh: '线断', en: 'broken sewing', aliases: ['綫斷', '線斷'] },
  { code: 'cover_damage', zh: '书皮破损', en: 'cover damage', aliases: ['書皮破損'] },
  {
    code: 'ink_bleed_fading',
    zh: '字迹洇化/褪色',
    en: 'ink bleed or fading',
    aliases: ['字迹洇化', '字迹褪色', '字跡洇化/褪色', '字跡洇化', '字跡褪色'],
  },
];

/** Codes of every known damage type, in catalogue order. */
export const DAMAGE_TYPE_CODES: readonly string[] = DAMAGE_TYPES.map((t) => t.code);

const TYPE_BY_INPUT = new Map<string, DamageType>();
for (const t of DAMAGE_TYPES) {
  for (const key of [t.code, t.zh, t.en, ...t.aliases]) TYPE_BY_INPUT.set(key.toLowerCase(), t);
}

/** Resolves a damage type given by code, Chinese name (simplified or traditional) or English name. */
export function parseDamageType(input: string): DamageType | undefined {
  return TYPE_BY_INPUT.get(input.trim().toLowerCase());
}

// ---------------------------------------------------------------------------------------------------
// Acidity

export type AcidityBandCode = 'severe' | 'heavy' | 'needs_deacidification' | 'ok';

export interface AcidityBand {
  band: AcidityBandCode;
  labelZh: string;
  labelEn: string;
  needsDeacidification: boolean;
}

// Thresholds reported by libraries (grading-condition.md): below 5.6 folding endurance falls fast and
// 脱酸 is needed, below 5.0 heavily acidified, below 4.5 very fragile.
/** The acidity bands with their upper pH bounds, most acidic first (also used to classify in SQL). */
export const ACIDITY_BANDS: ReadonlyArray<AcidityBand & { below: number }> = [
  {
    below: 4.5,
    band: 'severe',
    labelZh: '严重酸化，纸张极脆弱',
    labelEn: 'severely acidic, paper very fragile',
    needsDeacidification: true,
  },
  {
    below: 5.0,
    band: 'heavy',
    labelZh: '重度酸化',
    labelEn: 'heavily acidified',
    needsDeacidification: true,
  },
  {
    below: 5.6,
    band: 'needs_deacidification',
    labelZh: '酸化，需脱酸',
    labelEn: 'acidic, needs deacidification',
    needsDeacidification: true,
  },
];

/** Classifies one pH value into the acidity bands (4.5 / 5.0 / 5.6); undefined when not a pH. */
export function acidityBand(ph: number): AcidityBand | undefined {
  if (!isFiniteNumber(ph) || ph < 0 || ph > 14) return undefined;
  const hit = ACIDITY_BANDS.find((b) => ph < b.below);
  if (hit) {
    const { below: _below, ...band } = hit;
    return band;
  }
  return {
    band: 'ok',
    labelZh: '酸度正常，无需脱酸',
    labelEn: 'not acidic enough to need deacidification',
    needsDeacidification: false,
  };
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
