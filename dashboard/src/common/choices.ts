export interface Choice {
  id: string;
  name: string;
}

export function toChoices(labels: Readonly<Record<string, string>>): Choice[] {
  return Object.entries(labels).map(([id, name]) => ({ id, name }));
}
