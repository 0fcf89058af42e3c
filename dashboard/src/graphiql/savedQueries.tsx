import { StarIcon, useOperationsEditorState, useVariablesEditorState } from "@graphiql/react";
import { useCallback, useEffect, useState } from "react";
import { savedQueryRequest } from "./fetcher";

type Fetcher = (params: unknown) => Promise<{ data?: Record<string, unknown>; errors?: { message: string }[] }>;

interface SavedQueryRow {
  id: string;
  name: string;
  description: string | null;
  query: string;
  variables: string | null;
  shared: boolean;
  mine: boolean;
  ownerUsername: string;
}

const FIELDS = "id name description query variables shared mine ownerUsername";

/** GraphiQL's «saved queries» panel: your saved queries and those shared with your territory; save the current one. */
export function savedQueriesPlugin(fetcher: Fetcher) {
  function SavedQueries() {
    const [query, setQuery] = useOperationsEditorState();
    const [variables, setVariables] = useVariablesEditorState();
    const [rows, setRows] = useState<SavedQueryRow[]>([]);
    const [name, setName] = useState("");
    const [shared, setShared] = useState(false);
    const [message, setMessage] = useState<string | null>(null);

    const load = useCallback(async () => {
      const result = await fetcher({ query: `{ savedQueries(limit: 200) { items { ${FIELDS} } } }` });
      if (result.errors) setMessage(result.errors[0].message);
      else setRows((result.data!.savedQueries as { items: SavedQueryRow[] }).items);
    }, []);
    useEffect(() => void load(), [load]);

    const save = async () => {
      const result = await fetcher({
        query: `mutation($i: SavedQueryCreateInput!) { createSavedQuery(input: $i) { id } }`,
        variables: { i: { name, query, variables: variables.trim() || null, shared } },
      });
      setMessage(result.errors ? result.errors[0].message : `«${name}» ذخیره شد.`);
      if (!result.errors) {
        setName("");
        await load();
      }
    };

    const remove = async (row: SavedQueryRow) => {
      const result = await fetcher({
        query: `mutation($id: ID!) { deleteSavedQuery(id: $id) { id } }`,
        variables: { id: row.id },
      });
      setMessage(result.errors ? result.errors[0].message : `«${row.name}» حذف شد.`);
      await load();
    };

    return (
      <div dir="rtl" style={{ display: "grid", gap: 8 }}>
        <div className="graphiql-doc-explorer-title">پرسش‌های ذخیره‌شده</div>
        <label>
          نام پرسش فعلی <input value={name} onChange={(e) => setName(e.target.value)} aria-label="نام پرسش" />
        </label>
        <label>
          <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} /> هم‌رسانی با کاربران
          قلمرو من
        </label>
        <button className="graphiql-button" type="button" onClick={save} disabled={!name.trim()}>
          ذخیرهٔ پرسش فعلی
        </button>
        {message && <div role="status">{message}</div>}
        <ul style={{ listStyle: "none", padding: 0 }}>
          {rows.map((row) => (
            <li key={row.id} style={{ marginBottom: 6 }}>
              <button
                type="button"
                title={row.description ?? undefined}
                onClick={() => {
                  const request = savedQueryRequest(row);
                  setQuery(request.query);
                  setVariables(request.variables);
                }}
              >
                {row.name}
              </button>{" "}
              <small>{row.mine ? (row.shared ? "(هم‌رسانی‌شده)" : "(خصوصی)") : `(از ${row.ownerUsername})`}</small>{" "}
              {row.mine && (
                <button
                  className="graphiql-button"
                  type="button"
                  onClick={() => remove(row)}
                  aria-label={`حذف ${row.name}`}
                >
                  حذف
                </button>
              )}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return { title: "پرسش‌های ذخیره‌شده", icon: StarIcon, content: SavedQueries };
}
