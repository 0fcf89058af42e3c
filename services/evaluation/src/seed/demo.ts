import { DataSource } from "typeorm";
import { gradeOf, ManagerScore } from "../entities/ManagerScore";
import { openDemoCycle } from "./cycle";

/** Per manager (with the position's territory), how many quarters of the year had a held problem-centred meeting with NGOs. */
export interface EvaluationDemoInput {
  year: number;
  regularity: { managerId: string; provinceId: string; countyId: string | null; quartersWithMeeting: number }[];
  /** Provinces whose demo scores are published (the rest stay visible to evaluators only). */
  publishedProvinces: string[];
}

/**
 * Demo scores: a preliminary regularity-only score (quarters with a meeting / 4 × 100), labelled as such in
 * the README, until the full 1404 rubric lands with the evaluation issue.
 */
export async function loadEvaluationDemoData(db: DataSource, demo: EvaluationDemoInput): Promise<{ scores: number }> {
  await openDemoCycle(db);
  if ((await db.getRepository(ManagerScore).count()) > 0) return { scores: 0 };
  const publishedAt = new Date();
  const scores = demo.regularity.map(({ managerId, provinceId, countyId, quartersWithMeeting }) => {
    const total = Math.min(100, (quartersWithMeeting / 4) * 100);
    const published = demo.publishedProvinces.includes(provinceId);
    return Object.assign(new ManagerScore(), { managerId, provinceId, countyId, year: demo.year, total, grade: gradeOf(total), publishedAt: published ? publishedAt : null });
  });
  await db.getRepository(ManagerScore).insert(scores);
  return { scores: scores.length };
}
