/**
 * Where an organisation sits. The city's three county-level districts, its two development zones, and one
 * value for partners outside the city (universities in 银川 or 西安 broker and sell here too).
 */
export const DISTRICTS = ['大武口区', '惠农区', '平罗县', '石嘴山高新区', '石嘴山经济技术开发区', '市外'] as const;
export type District = (typeof DISTRICTS)[number];
