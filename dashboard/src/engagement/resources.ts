import type { ResourceProps } from "react-admin";

/** Resources used only inside other pages (a meeting's agenda, a working group's members): no pages of their own. */
export const agendaItems: Omit<ResourceProps, "name"> = { recordRepresentation: "topic" };
export const workingGroupMembers: Omit<ResourceProps, "name"> = { recordRepresentation: "role" };
