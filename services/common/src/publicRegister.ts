/**
 * The public register's contract between the registry (which answers) and the gateway (which serves it to anyone):
 * the whole shape of a public NGO, on purpose — no national id, registration number, address, phone, email, board,
 * representatives or any person's name (docs/public-register.md).
 */
export interface PublicNgo {
  id: string;
  name: string;
  fieldsOfActivity: string[];
  province: string;
  county: string;
  licence: { number: string; issuedOn: string; expiresOn: string; state: string } | null;
}

/** A page of the public register. */
export interface PublicNgoPage {
  totalCount: number;
  items: PublicNgo[];
}

/** The fields of a public NGO and of its licence: tests assert answers carry exactly these. */
export const PUBLIC_NGO_FIELDS = ["id", "name", "fieldsOfActivity", "province", "county", "licence"] as const;
export const PUBLIC_LICENCE_FIELDS = ["number", "issuedOn", "expiresOn", "state"] as const;
