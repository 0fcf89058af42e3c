/** The GraphiQL page's own operations (saved queries, identity subgraph). */
const SAVED_QUERY_FIELDS = "id name description query variables shared mine ownerUsername";

export const SAVED_QUERIES_QUERY = `query SavedQueries { savedQueries(limit: 200) { items { ${SAVED_QUERY_FIELDS} } } }`;

export const CREATE_SAVED_QUERY_MUTATION = `mutation CreateSavedQuery($input: SavedQueryCreateInput!) { createSavedQuery(input: $input) { id } }`;

export const DELETE_SAVED_QUERY_MUTATION = `mutation DeleteSavedQuery($id: ID!) { deleteSavedQuery(id: $id) { id } }`;
