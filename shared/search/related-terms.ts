/**
 * Domain vocabulary linking a problem to its remedy: the words a plant uses to describe a symptom (跑偏, 发黑,
 * 掉奶, 放散) next to the words research uses for its cause and for what treats it (纠偏, 护色, 热应激,
 * 煤气回收). These are not synonyms (synonyms.ts holds those): a group says "these words are about the same
 * matter", so a need and an achievement that share none of their words can still meet.
 *
 * Written from field knowledge, industry by industry along the taxonomy in shared/domain/industries.ts and
 * the industries the city's plan names (plus the local ferroalloy, calcium-carbide, PVC, polysilicon and
 * graphite-electrode trades). It was not derived from any test set or demo data. Plain data: one group per
 * line, 2–6 words, each word 2–5 characters, written the way people write it. Many are domain compounds
 * (热应激, 电石渣, 防结块) that jieba keeps whole only once they are in its dictionary.
 *
 * The groups live in related-terms/, one file per theme (the 六新, 六特 and 六优 industries, then the fields
 * the plan names); this file puts them together in a fixed order.
 */
import { SIX_NEW_INDUSTRY_GROUPS } from './related-terms/six-new-industries';
import { SIX_SPECIALTY_INDUSTRY_GROUPS } from './related-terms/six-specialty-industries';
import { SIX_SERVICE_INDUSTRY_GROUPS } from './related-terms/six-service-industries';
import { SOLAR_AND_CRYSTAL_GROUPS } from './related-terms/solar-and-crystals';
import { EQUIPMENT_AND_RARE_METAL_GROUPS } from './related-terms/equipment-and-rare-metals';
import { CHEMICAL_GROUPS } from './related-terms/chemicals';
import { DIGITAL_MANUFACTURING_GROUPS } from './related-terms/digital-manufacturing';
import { FARMING_AND_FOOD_GROUPS } from './related-terms/farming-and-food';
import { ENVIRONMENT_HEALTH_SAFETY_GROUPS } from './related-terms/environment-health-safety';
import { MATERIALS_AND_MEDICINE_GROUPS } from './related-terms/materials-and-medicines';
import { SMELTING_TRADE_GROUPS } from './related-terms/smelting-trades';

/** Problem ↔ remedy vocabulary: how a plant names a symptom and how research names what treats it. */
export const RELATED_GROUPS: readonly (readonly string[])[] = [
  ...SIX_NEW_INDUSTRY_GROUPS,
  ...SIX_SPECIALTY_INDUSTRY_GROUPS,
  ...SIX_SERVICE_INDUSTRY_GROUPS,
  ...SOLAR_AND_CRYSTAL_GROUPS,
  ...EQUIPMENT_AND_RARE_METAL_GROUPS,
  ...CHEMICAL_GROUPS,
  ...DIGITAL_MANUFACTURING_GROUPS,
  ...FARMING_AND_FOOD_GROUPS,
  ...ENVIRONMENT_HEALTH_SAFETY_GROUPS,
  ...MATERIALS_AND_MEDICINE_GROUPS,
  ...SMELTING_TRADE_GROUPS,
];
