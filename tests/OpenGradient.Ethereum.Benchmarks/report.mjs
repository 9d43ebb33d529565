// Joins BenchmarkDotNet JSON results with the viem scripts' JSON lines by benchmark name and prints a table.
// Usage: node report.mjs <BenchmarkDotNet results dir> <file with viem JSON lines>
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [resultsDir, viemFile] = process.argv.slice(2);
const csharp = new Map();
for (const file of readdirSync(resultsDir).filter((f) => f.endsWith('.json'))) {
  const report = JSON.parse(readFileSync(join(resultsDir, file), 'utf8'));
  for (const b of report.Benchmarks ?? []) {
    if (b.Statistics?.Mean) csharp.set(b.Method, { opsPerSec: 1e9 / b.Statistics.Mean, allocated: b.Memory?.BytesAllocatedPerOperation });
  }
}
const viem = new Map(
  readFileSync(viemFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line)).map((r) => [r.name, r.opsPerSec]));

const fmt = (n) => (n === undefined ? '—' : Math.round(n).toLocaleString('en-US'));
const rows = [['benchmark', 'C# ops/s', 'C# B/op', 'viem ops/s', 'C#/viem']];
for (const name of new Set([...csharp.keys(), ...viem.keys()])) {
  const c = csharp.get(name);
  const v = viem.get(name);
  rows.push([name, fmt(c?.opsPerSec), c?.allocated ?? '—', fmt(v), c && v ? `${(c.opsPerSec / v).toFixed(1)}x` : '—']);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
for (const [i, row] of rows.entries()) {
  console.log(row.map((cell, j) => (j === 0 ? String(cell).padEnd(widths[j]) : String(cell).padStart(widths[j]))).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
