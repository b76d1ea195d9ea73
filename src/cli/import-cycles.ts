// `npm run check:imports` (part of `npm run lint`): fails on an import cycle between files or between
// the top-level folders under src/, and on an import that breaks the layering (see README,
// "Architecture"). dependency-cruiser reads the imports; this file only judges its graph.
//
// Only run-time imports count: `import type …` is erased by TypeScript and cannot make a cycle
// when the program runs, so dependency-cruiser's `type-only` edges are left out. Dynamic `import()`
// counts (it loads the module at run time, only later).
import { cruise, type ICruiseResult } from 'dependency-cruiser';

/** A directed graph as adjacency sets. */
type Graph = Map<string, Set<string>>;

const result = (
  await cruise(
    ['src'],
    {
      tsPreCompilationDeps: true,
      doNotFollow: { path: 'node_modules' },
      // Build output and static assets of the staff app; its sources (src/web/app) are read.
      exclude: { path: '^src/web/(dist|public)/' },
    },
    undefined,
    {},
  )
).output as ICruiseResult;

const files: Graph = new Map();
/** Every import between files under src/, type-only ones included (for the layering rules). */
const allImports: [string, string][] = [];
for (const mod of result.modules) {
  if (!mod.source.startsWith('src/')) continue;
  const targets = files.get(mod.source) ?? new Set<string>();
  files.set(mod.source, targets);
  for (const dep of mod.dependencies) {
    if (!dep.resolved.startsWith('src/')) continue;
    allImports.push([mod.source, dep.resolved]);
    if (!dep.dependencyTypes.includes('type-only')) targets.add(dep.resolved);
  }
}

/** The top-level folder of a file under src/ (`src/main.ts` stands for itself). */
function folderOf(file: string): string {
  const parts = file.split('/');
  return parts.length > 2 ? parts[1]! : parts[1]!.replace(/\.tsx?$/, '.ts');
}

const folders: Graph = new Map();
/** For each folder edge, one file edge that makes it (to say where to look). */
const witness = new Map<string, string>();
for (const [from, targets] of files) {
  const a = folderOf(from);
  if (!folders.has(a)) folders.set(a, new Set());
  for (const to of targets) {
    const b = folderOf(to);
    if (a === b) continue;
    folders.get(a)!.add(b);
    if (!witness.has(`${a} -> ${b}`)) witness.set(`${a} -> ${b}`, `${from} -> ${to}`);
  }
}

/** Strongly connected components with more than one node, or a node importing itself (Tarjan). */
function cycles(graph: Graph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)?.has(v)) found.push(component.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
}

const problems: string[] = [];

// Layering (README, "Architecture"), type-only imports included: the shared domain imports nothing
// else, the kernel no feature, and only the entry points import the composition root.
const MAY_IMPORT: Record<string, readonly string[]> = {
  domain: ['domain'],
  kernel: ['kernel', 'domain', 'config', 'object-store', 'runtime'],
};
const MAY_IMPORT_APP = new Set(['app', 'main.ts', 'cli']);
for (const [from, to] of allImports) {
  const a = folderOf(from);
  const b = folderOf(to);
  const allowedTargets = MAY_IMPORT[a];
  if (allowedTargets && !allowedTargets.includes(b))
    problems.push(`layering: ${a}/ may import only ${allowedTargets.join(', ')}: ${from} -> ${to}`);
  if (b === 'app' && !MAY_IMPORT_APP.has(a))
    problems.push(`layering: only main.ts and cli/ import the composition root: ${from} -> ${to}`);
}

const fileCycles = cycles(files);
for (const cycle of fileCycles) problems.push(`file cycle: ${cycle.join(' ↔ ')}`);

const mutualPairs: string[] = [];
for (const [a, targets] of folders)
  for (const b of targets) if (a < b && folders.get(b)?.has(a)) mutualPairs.push(`${a} ↔ ${b}`);

const folderCycles = cycles(folders);
const inCycle = new Set<string>();
for (const component of folderCycles) {
  const members = new Set(component);
  for (const a of component) for (const b of folders.get(a)!) if (members.has(b)) inCycle.add(`${a} -> ${b}`);
}
for (const edge of [...inCycle].sort()) problems.push(`folder cycle through ${edge} (${witness.get(edge)})`);

console.log(
  `${files.size} files; run-time imports only (type-only imports ignored)\n` +
    `file cycles: ${fileCycles.length}\n` +
    `folder pairs importing each other: ${mutualPairs.length}${mutualPairs.length ? ` (${mutualPairs.join(', ')})` : ''}\n` +
    `folder cycles: ${folderCycles.length}${folderCycles.map((c) => `\n  ${c.length} folders: ${c.join(', ')}`).join('')}\n` +
    `folder edges inside a cycle: ${inCycle.size}`,
);
if (process.argv.includes('--list'))
  for (const edge of [...inCycle].sort()) console.log(`  ${edge}  (${witness.get(edge)})`);
for (const problem of problems) console.error(problem);
process.exitCode = problems.length ? 1 : 0;
