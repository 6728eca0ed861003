/**
 * Which way the imports point: the pages (web/) and the API (functions/) are siblings over shared code
 * and never import each other; the pure rules (shared/domain) import neither AWS nor Hono; shared/ imports
 * neither front door; and no import circle exists (type-only imports count: they still tie files
 * together for a reader). The graph is read with TypeScript's own pre-processor, so `import type`,
 * `export … from` and `import()` are all seen.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const SCANNED = ['functions', 'web', 'shared', 'scripts'];
/**
 * The one file that may import both front doors: it mounts the API and the pages into the one Lambda
 * (and the local runner) that serves them. Nothing else under functions/ may import web/.
 */
const COMPOSITION_ROOTS = ['functions/api/site.ts'];

type Graph = Map<string, { target: string; line: number }[]>;

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return `package:${spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]}`;
  const base = resolve(dirname(from), spec);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    try {
      if (statSync(candidate).isFile()) return relative(ROOT, candidate);
    } catch {
      // not this one
    }
  }
  return null;
}

export function importGraph(): Graph {
  const graph: Graph = new Map();
  for (const file of SCANNED.flatMap((d) => tsFiles(join(ROOT, d)))) {
    const text = readFileSync(file, 'utf8');
    const info = ts.preProcessFile(text, true, true);
    const edges = info.importedFiles
      .map((f) => ({ target: resolveImport(file, f.fileName), line: ts.getLineAndCharacterOfPosition(ts.createSourceFile(file, text, ts.ScriptTarget.Latest), f.pos).line + 1 }))
      .filter((e): e is { target: string; line: number } => e.target !== null);
    graph.set(relative(ROOT, file), edges);
  }
  return graph;
}

const under = (path: string, folder: string) => path.startsWith(`${folder}/`);

/** Every import that points the wrong way, as `from:line → to (rule)`. */
export function wrongWayImports(graph: Graph): string[] {
  const out: string[] = [];
  for (const [from, edges] of graph) {
    for (const { target, line } of edges) {
      const at = `${from}:${line} → ${target}`;
      if (under(from, 'web') && under(target, 'functions')) out.push(`${at} (web/ never imports functions/)`);
      if (under(from, 'functions') && under(target, 'web') && !COMPOSITION_ROOTS.includes(from)) out.push(`${at} (functions/ never imports web/; only ${COMPOSITION_ROOTS.join(', ')} composes them)`);
      if (under(from, 'shared') && (under(target, 'web') || under(target, 'functions') || under(target, 'scripts'))) out.push(`${at} (shared/ is below both front doors)`);
      if (under(from, 'shared/domain') && /^package:(@aws-sdk\/|hono|aws-lambda|aws-cdk-lib|@aws-lambda-powertools\/)/.test(target)) out.push(`${at} (shared/domain is pure: no AWS, no Hono)`);
    }
  }
  return out;
}

/** Import circles among project files (Tarjan's strongly connected components), each as its files. */
export function importCircles(graph: Graph): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const { target: w } of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = (graph.get(v) ?? []).some((e) => e.target === v);
      if (component.length > 1 || selfLoop) circles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return circles;
}

describe('the dependency rules', () => {
  const graph = importGraph();

  it('reads the whole tree (a broken reader would pass everything)', () => {
    expect(graph.size).toBeGreaterThan(150);
    expect(graph.get('functions/api/handler.ts')?.length).toBeGreaterThan(3);
  });

  it('no import points the wrong way', () => {
    expect(wrongWayImports(graph)).toEqual([]);
  });

  it('no import circle', () => {
    expect(importCircles(graph)).toEqual([]);
  });

  it('catches each kind of wrong-way import and a circle (on a graph with them added)', () => {
    const bad: Graph = new Map([
      ['web/routes.ts', [{ target: 'functions/api/problem.ts', line: 3 }]],
      ['functions/api/routes/needs.ts', [{ target: 'web/forms.ts', line: 4 }]],
      ['shared/domain/money.ts', [{ target: 'package:@aws-sdk/client-dynamodb', line: 5 }, { target: 'package:hono', line: 6 }]],
      ['shared/db/a.ts', [{ target: 'shared/db/b.ts', line: 1 }]],
      ['shared/db/b.ts', [{ target: 'shared/db/a.ts', line: 1 }]],
      ['functions/api/site.ts', [{ target: 'web/routes.ts', line: 7 }]],
    ]);
    expect(wrongWayImports(bad)).toEqual([
      'web/routes.ts:3 → functions/api/problem.ts (web/ never imports functions/)',
      'functions/api/routes/needs.ts:4 → web/forms.ts (functions/ never imports web/; only functions/api/site.ts composes them)',
      'shared/domain/money.ts:5 → package:@aws-sdk/client-dynamodb (shared/domain is pure: no AWS, no Hono)',
      'shared/domain/money.ts:6 → package:hono (shared/domain is pure: no AWS, no Hono)',
    ]);
    expect(importCircles(bad)).toEqual([['shared/db/a.ts', 'shared/db/b.ts']]);
  });
});
