import { DataSource } from "typeorm";
import { gradeOf, ManagerScore } from "../entities/ManagerScore";

/** Per manager, how many quarters of the year had a held problem-centred meeting with NGOs. */
export interface EvaluationDemoInput {
  year: number;
  regularity: { managerId: string; quartersWithMeeting: number }[];
}

/**
 * Demo scores: a preliminary regularity-only score (quarters with a meeting / 4 × 100), labelled as such in
 * the README, until the full 1404 rubric lands with the evaluation issue.
 */
export async function loadEvaluationDemoData(db: DataSource, demo: EvaluationDemoInput): Promise<{ scores: number }> {
  if ((await db.getRepository(ManagerScore).count()) > 0) return { scores: 0 };
  const scores = demo.regularity.map(({ managerId, quartersWithMeeting }) => {
    const total = Math.min(100, (quartersWithMeeting / 4) * 100);
    return Object.assign(new ManagerScore(), { managerId, year: demo.year, total, grade: gradeOf(total) });
  });
  await db.getRepository(ManagerScore).insert(scores);
  return { scores: scores.length };
}
