import { ComponentType, lazy, type ReactNode, Suspense } from "react";
import { Loading } from "react-admin";
import { loadScreenMessages } from "./i18n";

/**
 * A component loaded when first drawn: its code, and whatever only it uses, is a separate chunk the browser fetches
 * then, not at the first load. The screens' messages are fetched beside it (once for all, see common/i18n.ts): it
 * is drawn when both have arrived, `fallback` until then. `load` picks the named export, e.g.
 * `lazyComponent(() => import("./AppMenu").then((m) => m.AppMenu), null)`.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: ReactNode,
): ComponentType<P> {
  const Lazy = lazy(async () => {
    const [component] = await Promise.all([load(), loadScreenMessages()]);
    return { default: component };
  });
  const Component = (props: P) => (
    <Suspense fallback={fallback}>
      <Lazy {...props} />
    </Suspense>
  );
  return Component;
}

/**
 * A page loaded when first shown (route-level code splitting), react-admin's `Loading` meanwhile, e.g.
 * `lazyPage(() => import("./NgoList").then((m) => m.NgoList))`.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  return lazyComponent(load, <Loading />);
}
