// The part of Mirador 4's ES module the app uses (the package ships no type declarations).
declare module 'mirador' {
  export interface MiradorInstance {
    store: { getState(): unknown };
    unmount?: () => void;
  }
  export function viewer(config: Record<string, unknown>, plugins?: unknown[]): MiradorInstance;
}
