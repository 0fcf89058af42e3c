import { ComponentType, lazy, Suspense } from "react";
import { Loading } from "react-admin";

/**
 * A page loaded when first shown (route-level code splitting): its code, and whatever only it uses, is a separate
 * chunk the browser fetches on the way to the page, not at the first load. `load` picks the named export, e.g.
 * `lazyPage(() => import("./NgoList").then((m) => m.NgoList))`.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }));
  const Page = (props: P) => (
    <Suspense fallback={<Loading />}>
      <Lazy {...props} />
    </Suspense>
  );
  return Page;
}
