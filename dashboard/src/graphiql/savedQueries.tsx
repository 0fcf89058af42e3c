import { StarIcon, useOperationsEditorState, useVariablesEditorState } from "@graphiql/react";
import { useCallback, useEffect, useState } from "react";
import { graphiqlTexts as texts } from "../messages/graphiql";
import { savedQueryRequest } from "./fetcher";
import { CREATE_SAVED_QUERY_MUTATION, DELETE_SAVED_QUERY_MUTATION, SAVED_QUERIES_QUERY } from "./graphiqlOperations";

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
      const result = await fetcher({ query: SAVED_QUERIES_QUERY });
      if (result.errors) setMessage(result.errors[0].message);
      else setRows((result.data!.savedQueries as { items: SavedQueryRow[] }).items);
    }, []);
    useEffect(() => void load(), [load]);

    const save = async () => {
      const result = await fetcher({
        query: CREATE_SAVED_QUERY_MUTATION,
        variables: { input: { name, query, variables: variables.trim() || null, shared } },
      });
      setMessage(result.errors ? result.errors[0].message : texts.saved(name));
      if (!result.errors) {
        setName("");
        await load();
      }
    };

    const remove = async (row: SavedQueryRow) => {
      const result = await fetcher({
        query: DELETE_SAVED_QUERY_MUTATION,
        variables: { id: row.id },
      });
      setMessage(result.errors ? result.errors[0].message : texts.deleted(row.name));
      await load();
    };

    return (
      <div dir="rtl" style={{ display: "grid", gap: 8 }}>
        <div className="graphiql-doc-explorer-title">{texts.savedQueries}</div>
        <label>
          {texts.currentName}{" "}
          <input value={name} onChange={(e) => setName(e.target.value)} aria-label={texts.nameLabel} />
        </label>
        <label>
          <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />{" "}
          {texts.shareWithTerritory}
        </label>
        <button className="graphiql-button" type="button" onClick={save} disabled={!name.trim()}>
          {texts.saveCurrent}
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
              <small>{row.mine ? (row.shared ? texts.shared : texts.private) : texts.from(row.ownerUsername)}</small>{" "}
              {row.mine && (
                <button
                  className="graphiql-button"
                  type="button"
                  onClick={() => remove(row)}
                  aria-label={texts.removeNamed(row.name)}
                >
                  {texts.remove}
                </button>
              )}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return { title: texts.savedQueries, icon: StarIcon, content: SavedQueries };
}
