import { invalidTransition } from "@hamafza/common";
import { DemandStatus } from "../entities/Demand";
import { MeetingStatus } from "../entities/Meeting";
import { ProjectStatus } from "../entities/Project";
import { ProposalStatus } from "../entities/Proposal";
import { ResolutionStatus } from "../entities/Resolution";

/**
 * The state machines of the engagement entities: which status changes are allowed, with the Persian label of each
 * status for the INVALID_TRANSITION message. Pure data and functions (unit-tested in `test/transitionRules.test.ts`).
 */
export interface StateMachine<S extends string> {
  /** The entity's Persian noun in messages, e.g. «مصوبه». */
  noun: string;
  /** Allowed changes from each status; anything else is INVALID_TRANSITION. */
  transitions: Record<S, readonly S[]>;
  labels: Record<S, string>;
}

export function canTransition<S extends string>(machine: StateMachine<S>, from: S, to: S): boolean {
  return machine.transitions[from].includes(to);
}

/** Throws INVALID_TRANSITION (with `{ from, to }`) unless the machine allows `from` → `to`. */
export function assertTransition<S extends string>(machine: StateMachine<S>, from: S, to: S): void {
  if (!canTransition(machine, from, to))
    throw invalidTransition(
      `تغییر وضعیت ${machine.noun} از «${machine.labels[from]}» به «${machine.labels[to]}» ممکن نیست.`,
      { from, to },
    );
}

export const RESOLUTION_MACHINE: StateMachine<ResolutionStatus> = {
  noun: "مصوبه",
  transitions: {
    OPEN: [ResolutionStatus.IN_PROGRESS, ResolutionStatus.DONE, ResolutionStatus.CANCELLED],
    IN_PROGRESS: [ResolutionStatus.DONE, ResolutionStatus.CANCELLED],
    DONE: [ResolutionStatus.IN_PROGRESS],
    CANCELLED: [],
  },
  labels: { OPEN: "باز", IN_PROGRESS: "در حال اجرا", DONE: "انجام‌شده", CANCELLED: "لغوشده" },
};

export const PROPOSAL_MACHINE: StateMachine<ProposalStatus> = {
  noun: "طرح",
  transitions: {
    SUBMITTED: [ProposalStatus.UNDER_REVIEW],
    UNDER_REVIEW: [ProposalStatus.ACCEPTED, ProposalStatus.REJECTED],
    ACCEPTED: [ProposalStatus.IMPLEMENTED],
    REJECTED: [],
    IMPLEMENTED: [],
  },
  labels: {
    SUBMITTED: "ارسال‌شده",
    UNDER_REVIEW: "در حال بررسی",
    ACCEPTED: "پذیرفته‌شده",
    REJECTED: "ردشده",
    IMPLEMENTED: "اجراشده",
  },
};

export const DEMAND_MACHINE: StateMachine<DemandStatus> = {
  noun: "مطالبه",
  transitions: {
    RAISED: [DemandStatus.UNDER_REVIEW, DemandStatus.RESOLVED, DemandStatus.REJECTED],
    UNDER_REVIEW: [DemandStatus.RESOLVED, DemandStatus.REJECTED],
    RESOLVED: [],
    REJECTED: [],
  },
  labels: { RAISED: "طرح‌شده", UNDER_REVIEW: "در حال پیگیری", RESOLVED: "رفع‌شده", REJECTED: "ردشده" },
};

export const PROJECT_MACHINE: StateMachine<ProjectStatus> = {
  noun: "پروژه",
  transitions: {
    PLANNED: [ProjectStatus.ACTIVE, ProjectStatus.ABANDONED],
    ACTIVE: [ProjectStatus.STALLED, ProjectStatus.FINISHED, ProjectStatus.ABANDONED],
    STALLED: [ProjectStatus.ACTIVE, ProjectStatus.FINISHED, ProjectStatus.ABANDONED],
    FINISHED: [],
    // A half-finished project left behind (seed 003) can be revived; the progress note is the reason.
    ABANDONED: [ProjectStatus.ACTIVE, ProjectStatus.STALLED],
  },
  labels: {
    PLANNED: "تعریف‌شده",
    ACTIVE: "در حال اجرا",
    STALLED: "متوقف",
    FINISHED: "پایان‌یافته",
    ABANDONED: "رهاشده",
  },
};

/** A meeting is planned once, then held or cancelled; a held or cancelled meeting keeps its status. */
export const MEETING_MACHINE: StateMachine<MeetingStatus> = {
  noun: "نشست",
  transitions: {
    PLANNED: [MeetingStatus.HELD, MeetingStatus.CANCELLED],
    HELD: [],
    CANCELLED: [],
  },
  labels: { PLANNED: "برنامه‌ریزی‌شده", HELD: "برگزارشده", CANCELLED: "لغوشده" },
};
