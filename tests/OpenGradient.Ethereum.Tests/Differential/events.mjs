// Differential reference: viem's encodeEventTopics and encodeAbiParameters for logs.
// Input: [{ event: <viem AbiEvent JSON>, values: [json per input] }, ...] (integers decimal strings, bytes hex).
// Output: [{ topics: ["0x..", ...], data: "0x.." } | { error }, ...].
import { readFileSync, writeFileSync } from 'node:fs';
import { encodeEventTopics, encodeAbiParameters } from 'viem';

const [input, output] = process.argv.slice(2);
const cases = JSON.parse(readFileSync(input, 'utf8'));

function toViem(param, value) {
  const arrayMatch = /^(.*)\[(\d*)\]$/.exec(param.type);
  if (arrayMatch) return value.map((v) => toViem({ ...param, type: arrayMatch[1] }, v));
  if (param.type === 'tuple') return value.map((v, i) => toViem(param.components[i], v));
  if (/^u?int\d*$/.test(param.type)) return BigInt(value);
  return value;
}

writeFileSync(output, JSON.stringify(cases.map(({ event, values }) => {
  try {
    const args = values.map((v, i) => toViem(event.inputs[i], v));
    const indexed = event.inputs.map((p, i) => [p, args[i]]).filter(([p]) => p.indexed);
    const data = event.inputs.map((p, i) => [p, args[i]]).filter(([p]) => !p.indexed);
    const topics = encodeEventTopics({ abi: [event], eventName: event.name, args: indexed.map(([, a]) => a) });
    return { topics, data: encodeAbiParameters(data.map(([p]) => p), data.map(([, a]) => a)) };
  } catch (e) {
    return { error: String(e.message ?? e).split('\n')[0] };
  }
})));
