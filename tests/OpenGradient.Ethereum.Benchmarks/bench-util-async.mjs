// Timing loop for async operations (viem's sign/recover/signTransaction return promises): warm up, then count
// awaited calls over ~1 s, best of 3 rounds. Same output format as bench-util.mjs.
export async function measureAsync(name, fn, { rounds = 3, roundMs = 1000 } = {}) {
  const warmEnd = performance.now() + 300;
  while (performance.now() < warmEnd) await fn();
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    let count = 0;
    const start = performance.now();
    let now = start;
    while (now - start < roundMs) {
      for (let i = 0; i < 16; i++) await fn();
      count += 16;
      now = performance.now();
    }
    best = Math.max(best, (count * 1000) / (now - start));
  }
  console.log(JSON.stringify({ name, opsPerSec: best }));
}
