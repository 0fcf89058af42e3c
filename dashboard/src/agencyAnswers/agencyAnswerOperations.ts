/**
 * Agencies answer in the system (docs/self-service.md, "Agencies answer"): the NGO representative's own demands and
 * proposals, and the agency respondent's inbox. Both pages use the same lists the officers use (`demands`,
 * `proposals`); the server limits them to the user's NGO or agency.
 */
export const MY_REQUESTS_PATH = "/my-requests";
export const RESPONDENT_INBOX_PATH = "/respondent-inbox";

const ACTIONS = "actions { id kind actedOn note actorRole }";
const DEMAND = `id title category status raisedOn dueOn overdue response respondedOn responseDays version agencyId agency { id name } ${ACTIONS}`;
const PROPOSAL = `id topic summary status submittedOn dueOn overdue response respondedOn responseDays version agencyId councilName agency { id name } ${ACTIONS}`;

export const MY_REQUESTS_QUERY = `query MyRequests {
  demands(limit: 100, sort: { field: "raisedOn", order: DESC }) { totalCount items { ${DEMAND} } }
  proposals(limit: 100, sort: { field: "submittedOn", order: DESC }) { totalCount items { ${PROPOSAL} } }
}`;

export const RESPONDENT_INBOX_QUERY = `query RespondentInbox($answered: Boolean) {
  demands(filter: { answered: $answered }, limit: 100, sort: { field: "raisedOn", order: ASC }) { totalCount items { ${DEMAND} } }
  proposals(filter: { answered: $answered }, limit: 100, sort: { field: "submittedOn", order: ASC }) { totalCount items { ${PROPOSAL} } }
}`;

export const AGENCY_CHOICES_QUERY = `query AgencyChoices {
  agencies(limit: 200, sort: { field: "name", order: ASC }) { items { id name } }
}`;

export const SUBMIT_DEMAND_MUTATION = `mutation SubmitDemand($input: DemandSubmitInput!) {
  submitDemand(input: $input) { id }
}`;

export const SUBMIT_PROPOSAL_MUTATION = `mutation SubmitProposal($input: ProposalSubmitInput!) {
  submitProposal(input: $input) { id }
}`;

export const RESPOND_TO_DEMAND_MUTATION = `mutation RespondToDemand($id: ID!, $input: RequestStepInput!, $expectedVersion: Int) {
  respondToDemand(id: $id, input: $input, expectedVersion: $expectedVersion) { id status }
}`;

export const RESPOND_TO_PROPOSAL_MUTATION = `mutation RespondToProposal($id: ID!, $input: RequestStepInput!, $expectedVersion: Int) {
  respondToProposal(id: $id, input: $input, expectedVersion: $expectedVersion) { id status }
}`;

export type RequestKind = "demand" | "proposal";
export type RespondentStep = "UNDER_REVIEW" | "ACCEPTED" | "REJECTED";

export interface RequestActionRow {
  id: string;
  kind: string;
  actedOn: string;
  note: string | null;
  actorRole: string;
}

/** A demand or a proposal as both pages show it. */
export interface RequestRow {
  kind: RequestKind;
  id: string;
  title: string;
  status: string;
  since: string;
  dueOn: string;
  overdue: boolean;
  response: string | null;
  respondedOn: string | null;
  responseDays: number | null;
  version: number;
  addressee: string | null;
  actions: RequestActionRow[];
}

interface DemandItem {
  id: string;
  title: string;
  status: string;
  raisedOn: string;
  dueOn: string;
  overdue: boolean;
  response: string | null;
  respondedOn: string | null;
  responseDays: number | null;
  version: number;
  agency: { name: string } | null;
  actions: RequestActionRow[];
}
interface ProposalItem extends Omit<DemandItem, "title" | "raisedOn"> {
  topic: string;
  submittedOn: string;
  councilName: string | null;
}
export interface RequestsAnswer {
  demands: { totalCount: number; items: DemandItem[] };
  proposals: { totalCount: number; items: ProposalItem[] };
}

/** Demands and proposals as one list of rows; `overdueFirst` puts the late ones on top (the respondent's inbox). */
export function requestRows(answer: RequestsAnswer | undefined, overdueFirst = false): RequestRow[] {
  if (!answer) return [];
  const rows: RequestRow[] = [
    ...answer.demands.items.map(({ title, raisedOn, agency, ...rest }) => ({
      ...rest,
      kind: "demand" as const,
      title,
      since: raisedOn,
      addressee: agency?.name ?? null,
    })),
    ...answer.proposals.items.map(({ topic, submittedOn, agency, councilName, ...rest }) => ({
      ...rest,
      kind: "proposal" as const,
      title: topic,
      since: submittedOn,
      addressee: agency?.name ?? councilName,
    })),
  ];
  return rows.sort((a, b) =>
    overdueFirst && a.overdue !== b.overdue
      ? a.overdue
        ? -1
        : 1
      : overdueFirst
        ? a.since.localeCompare(b.since)
        : b.since.localeCompare(a.since),
  );
}
