import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import { GraphiQL, HISTORY_PLUGIN } from "graphiql";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { authProvider } from "../auth";
import { graphiqlTexts } from "../messages/graphiql";
import { createHamafzaFetcher, SignedOut } from "./fetcher";
import { savedQueriesPlugin } from "./savedQueries";

/**
 * The analysts' GraphiQL at `/graphiql`: the gateway's supergraph with the docs explorer, history and saved
 * queries, signed in with the dashboard's session. Without a session it sends the user to the dashboard's sign-in.
 */
const signIn = () => window.location.assign("/#/login");
const fetcher = createHamafzaFetcher(authProvider);
const guarded = async (params: unknown) => {
  try {
    return await fetcher(params);
  } catch (error) {
    if (error instanceof SignedOut) signIn();
    throw error;
  }
};

const root = createRoot(document.getElementById("graphiql")!);
if (!authProvider.currentSession()) signIn();
else
  root.render(
    <StrictMode>
      <GraphiQL
        fetcher={guarded}
        plugins={[HISTORY_PLUGIN, savedQueriesPlugin(guarded)]}
        defaultQuery={graphiqlTexts.startQuery}
      />
    </StrictMode>,
  );
